import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { defineElement } from '../../src/internal/define.js';
import { ReactorSession } from '../../src/index.js';

function captureWarnings(run: () => void): string[] {
  const seen: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => seen.push(args.map(String).join(' '));
  try {
    run();
  } finally {
    console.warn = original;
  }
  return seen;
}

describe('registration', () => {
  it('registers the three tags', () => {
    expect(customElements.get('reactor-session')).to.equal(ReactorSession);
    expect(customElements.get('reactor-pricing')).to.be.a('function');
    expect(customElements.get('reactor-balance')).to.be.a('function');
  });

  it('evaluates a second copy of the entry module without throwing', async () => {
    // A query string makes the browser evaluate src/index.ts again as another module.
    const entry = new URL('../../src/index.ts', import.meta.url).href;
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
    try {
      const copy = (await import(/* @vite-ignore */ `${entry}?copy=2`)) as {
        ReactorSession: unknown;
      };
      expect(copy.ReactorSession).to.equal(ReactorSession);
    } finally {
      console.warn = original;
    }
    expect(warnings).to.deep.equal([]);
    expect(customElements.get('reactor-session')).to.equal(ReactorSession);
  });

  it('keeps the first class and warns once when another version claims a tag', () => {
    class Other extends LitElement {
      static readonly version = '99.0.0';
    }
    class OtherAgain extends LitElement {
      static readonly version = '98.0.0';
    }
    const warnings = captureWarnings(() => {
      expect(defineElement('reactor-session', Other)).to.equal(ReactorSession);
      expect(defineElement('reactor-session', OtherAgain)).to.equal(ReactorSession);
    });
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('99.0.0').and.to.contain('reactor-session');
    expect(customElements.get('reactor-session')).to.equal(ReactorSession);
  });

  it('is quiet when the same version registers again', () => {
    class SameVersion extends LitElement {
      static readonly version = ReactorSession.version;
    }
    const warnings = captureWarnings(() => defineElement('reactor-pricing', SameVersion));
    expect(warnings).to.deep.equal([]);
  });

  it('defines a free tag', () => {
    class Fresh extends LitElement {}
    expect(defineElement('reactor-test-fresh', Fresh)).to.equal(Fresh);
    expect(customElements.get('reactor-test-fresh')).to.equal(Fresh);
  });
});
