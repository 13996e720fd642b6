/**
 * What `<reactor-pricing>` shows, in one table (English built in; a page replaces any message
 * per language with `registerTranslation(lang, { pricing: {...} })`). `{name}` marks a value.
 */
export const pricingMessages = {
  loading: 'Loading prices…',
  failed: 'Prices could not be loaded. {error}',
  retry: 'Try again',
  none: 'No public prices are listed right now.',
  unknownModel: '"{model}" has no public price.',
  caption: 'Reactor prices per model',
  model: 'Model',
  creditsPerSecond: 'Credits/s',
  perMinute: 'Per minute',
  perHour: 'Per hour',
  creditsPerMinute: 'Credits/min',
  creditsPerHour: 'Credits/hour',
  rate: '{credits} credits/s',
  moneyPerMinute: '{money}/min',
  creditsAMinute: '{credits} credits/min',
  more: 'The first {shown} of {total} models are shown.',
};

export type PricingText = typeof pricingMessages;
