/**
 * Number and time formatting in the page's language (`lang` of the element's closest ancestor,
 * else the document's, else the browser's). Formatters are cached per locale.
 */
const cache = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, key: string, options: Intl.NumberFormatOptions) {
  const id = `${locale}|${key}`;
  let f = cache.get(id);
  if (!f) {
    try {
      f = new Intl.NumberFormat(locale, options);
    } catch {
      f = new Intl.NumberFormat(undefined, options);
    }
    cache.set(id, f);
  }
  return f;
}

/** The language an element should format in. */
export function localeOf(element: Element): string {
  const lang = element.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang;
  return lang || navigator.language || 'en';
}

export function formatCredits(credits: number, locale: string): string {
  const digits = Math.abs(credits) < 10 && credits % 1 !== 0 ? 2 : 0;
  return formatter(locale, `credits${digits}`, {
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  }).format(credits);
}

export function formatMoney(usd: number, locale: string): string {
  const size = Math.abs(usd);
  const small = size > 0 && size < 0.01;
  const f = formatter(locale, small ? 'usd-small' : 'usd', {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: small ? 4 : 2,
    maximumFractionDigits: small ? 4 : 2,
  });
  // A cost that is not zero never reads as zero: "< $0.0001", not "$0.0000".
  return size > 0 && size < 0.00005 ? `< ${f.format(0.0001)}` : f.format(usd);
}

export function formatRate(value: number, locale: string): string {
  return formatter(locale, 'rate', { maximumFractionDigits: 2 }).format(value);
}

/** `m:ss`, or `h:mm:ss` from an hour up; whole seconds, rounded down. */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.floor(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Spoken form of a duration for screen readers, in the page's language: "4 minutes 5 seconds". */
export function spokenDuration(seconds: number, locale: string): string {
  const total = Math.max(0, Math.floor(seconds));
  const unit = (value: number, name: 'minute' | 'second') =>
    formatter(locale, name, { style: 'unit', unit: name, unitDisplay: 'long' }).format(value);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return [m ? unit(m, 'minute') : '', s || !m ? unit(s, 'second') : ''].filter(Boolean).join(' ');
}
