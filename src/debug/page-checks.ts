/**
 * The checklist's lines about the page itself: the frame it runs in, its origin, WebRTC, locks
 * and storage, autoplay. Each reads what the browser says, and never throws.
 */
import type { Check } from './check.js';

/** In a frame? Cross-origin? Opaque (sandboxed without `allow-same-origin`)? */
export function frame(): Check {
  const label = 'Page and frame';
  let framed = true;
  let crossOrigin = true;
  try {
    framed = window.top !== window.self;
    crossOrigin = framed && window.top!.location.href === undefined;
  } catch {
    /* reading a cross-origin parent throws: framed and cross-origin */
  }
  const origin = self.origin;
  if (origin === 'null')
    return {
      label,
      level: 'warn',
      detail:
        'This frame has an opaque origin (sandboxed without allow-same-origin): it asks the token route as "null", which a token route should refuse, and locks and storage are off.',
      fix: 'Add allow-same-origin to the frame\u2019s sandbox, or put the code on the page itself instead of a sandboxed embed.',
    };
  const where = !framed
    ? 'the page itself'
    : crossOrigin
      ? 'a frame on another origin (as a builder\u2019s HTML embed): the idle detector sees only activity inside it, and links open in a new tab'
      : 'a frame on the page\u2019s own origin';
  return {
    label,
    level: 'info',
    detail: `Runs in ${where}. Its origin is ${origin}: the token route must allow it.`,
  };
}

export function secure(): Check {
  const label = 'Secure context';
  return isSecureContext
    ? { label, level: 'ok', detail: 'The page is https (or local).' }
    : {
        label,
        level: 'fail',
        detail: 'The page is not a secure context: browsers give it no WebRTC and no locks.',
        fix: 'Publish the page over https.',
      };
}

export function webrtc(): Check {
  const label = 'Live video (WebRTC)';
  return typeof RTCPeerConnection === 'function'
    ? { label, level: 'ok', detail: 'This browser can play a live session.' }
    : {
        label,
        level: 'fail',
        detail:
          'This browser has no WebRTC (some in-app browsers and managed devices): prices show, live video cannot run.',
        fix: 'Open the page in a browser with WebRTC (Chrome, Firefox, Safari, Edge).',
      };
}

/** Web Locks, BroadcastChannel and storage: without them, one session per page, not per visitor. */
export async function storage(): Promise<Check> {
  const label = 'Locks and storage';
  const missing: string[] = [];
  try {
    await navigator.locks.query();
  } catch {
    missing.push('Web Locks');
  }
  try {
    new BroadcastChannel('reactor-elements-debug').close();
  } catch {
    missing.push('BroadcastChannel');
  }
  try {
    localStorage.getItem('reactor-elements-debug');
  } catch {
    missing.push('storage');
  }
  return missing.length
    ? {
        label,
        level: 'warn',
        detail: `${missing.join(', ')} cannot be used here: one live session per page, instead of one per visitor across tabs. Everything else works.`,
        fix: 'Put the code on the page itself, or in a frame with allow-same-origin on the site\u2019s own domain.',
      }
    : { label, level: 'ok', detail: 'One live session per visitor across the site\u2019s tabs.' };
}

interface AutoplayNavigator {
  getAutoplayPolicy?: (type: 'mediaelement') => 'allowed' | 'allowed-muted' | 'disallowed';
}
interface PolicyDocument {
  featurePolicy?: { allowsFeature(feature: string): boolean };
}

/** The video starts muted (allowed almost everywhere); sound needs a click, or `allow="autoplay"`. */
export function autoplay(): Check {
  const label = 'Autoplay';
  const policy = (navigator as AutoplayNavigator).getAutoplayPolicy?.('mediaelement');
  const allowed = (document as PolicyDocument).featurePolicy?.allowsFeature('autoplay');
  if (policy === 'disallowed')
    return {
      label,
      level: 'warn',
      detail: 'This browser blocks even muted autoplay here: the video shows after a click.',
    };
  if (allowed === false || policy === 'allowed-muted')
    return {
      label,
      level: 'info',
      detail: 'The video starts muted; Sound turns on with a click.',
      fix: 'In a frame, allow="autoplay" on the iframe lets sound start without a click.',
    };
  return { label, level: 'ok', detail: 'The video starts muted; Sound turns on with a click.' };
}
