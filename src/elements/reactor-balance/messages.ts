/**
 * What `<reactor-balance>` shows, in one table (English built in; a page replaces any message
 * per language with `registerTranslation(lang, { balance: {...} })`). `{name}` marks a value.
 */
export const balanceMessages = {
  label: 'Balance',
  loading: 'Loading balance…',
  failed: 'The balance could not be loaded.',
  amount: '{credits} credits',
  money: '≈ {money}',
  minutesLeft: '≈ {minutes} min left at the current rate',
  out: 'Out of credits: sessions cannot start.',
  low: 'Low balance.',
  topUp: 'Top up credits',
  prepaid: 'Prepaid',
  postpaid: 'Postpaid (invoiced)',
  postpaidLimit: 'Postpaid (invoiced), credit limit {credits} credits',
  autoTopupOff: 'auto top-up off',
  autoTopupOn: 'auto top-up on',
  autoTopupAmount: 'auto top-up on ({money})',
  autoTopupAt: 'auto top-up on ({money} at {credits} credits)',
};

export type BalanceText = typeof balanceMessages;
