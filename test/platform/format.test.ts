import { expect } from '@open-wc/testing';
import {
  formatCredits,
  formatDuration,
  formatMoney,
  spokenDuration,
} from '../../src/internal/format.js';

describe('formatting', () => {
  it('shows money to the cent, small amounts to 1/100 cent, and never a non-zero cost as zero', () => {
    expect(formatMoney(12.5, 'en')).to.equal('$12.50');
    expect(formatMoney(0, 'en')).to.equal('$0.00');
    expect(formatMoney(0.0085, 'en')).to.equal('$0.0085');
    expect(formatMoney(0.000044, 'en')).to.equal('< $0.0001');
    expect(formatMoney(0.000044, 'de')).to.match(/^< 0,0001\s\$$/);
  });

  it('shows credits, durations and their spoken form in the page language', () => {
    expect(formatCredits(1_000_000, 'en')).to.equal('1,000,000');
    expect(formatCredits(0.44, 'en')).to.equal('0.44');
    expect(formatDuration(65)).to.equal('1:05');
    expect(formatDuration(3725)).to.equal('1:02:05');
    expect(spokenDuration(65, 'en')).to.equal('1 minute 5 seconds');
    expect(spokenDuration(120, 'de')).to.equal('2 Minuten');
    expect(spokenDuration(0, 'en')).to.equal('0 seconds');
  });
});
