/**
 * German for every reactor element: `import 'reactor-elements/locales/de'`, or
 * `<script src="reactor-elements.de.js">` beside the bundle (any order). Used where the closest
 * `lang` is `de` or `de-*`. Not part of the core bundle: a page opts in.
 */
import { registerTranslation } from '../i18n/registry.js';
import type { balanceMessages } from '../elements/reactor-balance/messages.js';
import type { pricingMessages } from '../elements/reactor-pricing/messages.js';
import type { sessionMessages } from '../elements/reactor-session/messages.js';

/** A complete table: every message of the family, translated (checked by the compiler). */
type Complete<T> = Record<keyof T, string>;

const session: Complete<typeof sessionMessages> = {
  controlsLabel: 'Steuerung',
  send: 'Senden',
  characters: '{count} von {max} Zeichen',
  sent: 'Gesendet: {label}.',
  notSent: 'Nicht gesendet: {message}',
  uploading: '{name} wird hochgeladen: {percent}\u00a0%',
  snapshot: 'Standbild',
  snapshotSaved: 'Standbild gespeichert: {name}.',
  snapshotShared: 'Standbild geteilt.',
  snapshotOpened: 'Standbild in einem neuen Tab geöffnet: dort speichern.',
  noFrame: 'Noch kein Videobild zum Speichern.',
  fullscreen: 'Vollbild',
  start: 'Sitzung starten',
  end: 'Sitzung beenden',
  cancel: 'Abbrechen',
  poster: '{model} · Live-Sitzung',
  videoLabel: 'Live-Video von {model}',
  idleTitle: 'Noch da?',
  idleText: 'Die Sitzung endet in {seconds}\u00a0s, damit keine Kosten entstehen.',
  keepSession: 'Sitzung behalten',
  disconnected: 'Nicht verbunden',
  connecting: 'Verbinde…',
  waiting: 'Warte auf eine GPU (kostenlos, bis sie live ist)',
  ready: 'Live: sekundengenau abgerechnet',
  timeWarning: 'Live: Das Zeitlimit beendet die Sitzung in {time}.',
  reconnecting:
    'Verbindung verloren, verbinde neu (die GPU bleibt reserviert und wird weiter abgerechnet)',
  ended: 'Sitzung beendet',
  error: 'Sitzung fehlgeschlagen',
  endedBecause: 'Sitzung beendet. {reason}',
  'end-user': 'Sie haben die Sitzung beendet.',
  cancelled: 'Abgebrochen: nichts wurde abgerechnet.',
  'end-idle': 'Beendet, weil niemand die Seite benutzt hat.',
  'end-timeout': 'Beendet am Zeitlimit.',
  'end-budget': 'Beendet am Kostenlimit.',
  'end-unload': 'Beendet, als die Seite verlassen wurde.',
  'end-removed': 'Beendet, als der Player von der Seite entfernt wurde.',
  'end-hidden': 'Beendet, als der Player ausgeblendet wurde.',
  'end-background': 'Beendet, während die Seite im Hintergrund war.',
  'end-server': 'Reactor hat die Sitzung beendet.',
  'end-error': 'Die Sitzung ist fehlgeschlagen.',
  'end-moderation': 'Reactor hat sie wegen seiner Inhaltsregeln beendet.',
  'end-moved': 'Sie läuft jetzt in einem anderen Tab.',
  movedOnPage: 'Sie läuft jetzt in einem anderen Player dieser Seite.',
  elsewhere: 'Ihre Sitzung läuft in einem anderen Tab.',
  elsewhereOnPage: 'Ihre Sitzung läuft in einem anderen Player dieser Seite.',
  moveHere: 'Hierher holen',
  busyRetrying: 'Alle GPUs dieser Website sind belegt, neuer Versuch in {seconds} s.',
  retrying: 'Neuer Versuch in {seconds} s…',
  billedSoFar: 'Bisher abgerechnet:',
  receipt: 'Beleg:',
  finalReceipt: 'Beleg (endgültig, laut Reactor):',
  billed: '{time} abgerechnet · {amount}',
  left: 'noch {time}',
  amount: '{credits} Credits ({money})',
  costUnavailable: 'Kosten nicht verfügbar',
  estimate: 'Bis zu {time} pro Sitzung, {cost}',
  atMost: 'höchstens {amount}',
  priceUnavailable: 'Preis nicht verfügbar',
  loadingPrice: 'Preis wird geladen…',
  topUp: 'Credits aufladen',
  keysHint: 'Tasten: {keys}',
  stageLabel: 'Live-Video. Tasten: {keys}',
  sound: 'Ton',
  'quality-good': 'Verbindung: gut',
  'quality-fair': 'Verbindung: mittel',
  'quality-poor': 'Verbindung: schlecht',
  setup: 'Live-Sitzungen sind auf dieser Seite gerade nicht verfügbar.',
  unauthorized:
    'Das Sitzungstoken wurde abgelehnt (401), auch nach einem neuen. Prüfen Sie die Token-Route dieser Website.',
  'payment-required':
    'Das Konto hat keine Credits mehr (402). Laden Sie auf, um eine Sitzung zu starten.',
  forbidden: 'Nicht erlaubt (403): {detail}',
  'rate-limited':
    'Alle GPUs dieser Website sind belegt (429). Bitte versuchen Sie es in einer Minute erneut.',
  'client-outdated':
    'Diese Seite nutzt einen veralteten Reactor-Client (426). Die Website muss reactor-elements aktualisieren.',
  'server-outdated': 'Der Reactor-Server unterstützt diesen Client noch nicht (501).',
  network:
    'Reactor ist nicht erreichbar. Prüfen Sie die Verbindung und versuchen Sie es erneut. ({detail})',
  timeout: 'Reactor hat nicht rechtzeitig geantwortet. {detail}',
  'no-gpu':
    'Es wurde nicht rechtzeitig eine GPU frei. Es wurde nichts berechnet: bitte später erneut versuchen.',
  unsupported: 'Dieser Browser kann kein Live-Video abspielen.',
  'no-video': 'Das Video ist nicht angelaufen. Es wird nichts weiter berechnet.',
  'server-error': 'Reactor hatte ein Problem ({status}). Bitte versuchen Sie es erneut.',
  'not-found': 'Nicht gefunden (404): {detail}',
  unconfirmedEnd:
    'Reactor hat das Ende der Sitzung nicht bestätigt. Die Plattform beendet sie und ihre Abrechnung binnen etwa 30 s.',
};

const pricing: Complete<typeof pricingMessages> = {
  loading: 'Preise werden geladen…',
  failed: 'Die Preise konnten nicht geladen werden. {error}',
  retry: 'Erneut versuchen',
  none: 'Derzeit sind keine öffentlichen Preise aufgeführt.',
  unknownModel: '„{model}“ hat keinen öffentlichen Preis.',
  caption: 'Reactor-Preise pro Modell',
  model: 'Modell',
  creditsPerSecond: 'Credits/s',
  perMinute: 'Pro Minute',
  perHour: 'Pro Stunde',
  creditsPerMinute: 'Credits/min',
  creditsPerHour: 'Credits/Stunde',
  rate: '{credits} Credits/s',
  moneyPerMinute: '{money}/min',
  creditsAMinute: '{credits} Credits/min',
  more: 'Die ersten {shown} von {total} Modellen werden angezeigt.',
};

const balance: Complete<typeof balanceMessages> = {
  label: 'Guthaben',
  loading: 'Guthaben wird geladen…',
  failed: 'Das Guthaben konnte nicht geladen werden.',
  amount: '{credits} Credits',
  money: '≈ {money}',
  minutesLeft: '≈ noch {minutes} min beim aktuellen Verbrauch',
  out: 'Keine Credits mehr: Sitzungen können nicht starten.',
  low: 'Niedriges Guthaben.',
  topUp: 'Credits aufladen',
  prepaid: 'Vorausbezahlt',
  postpaid: 'Nachträglich (auf Rechnung)',
  postpaidLimit: 'Nachträglich (auf Rechnung), Kreditlimit {credits} Credits',
  autoTopupOff: 'automatisches Aufladen aus',
  autoTopupOn: 'automatisches Aufladen an',
  autoTopupAmount: 'automatisches Aufladen an ({money})',
  autoTopupAt: 'automatisches Aufladen an ({money} bei {credits} Credits)',
};

registerTranslation('de', { session, pricing, balance });
