// Enter and leave transitions for the drawn objects. Unlike svelte/transition's `scale` and `fade`, they read no
// computed style: with hundreds of SVG elements on screen, each getComputedStyle forced a whole-page style and
// layout pass every time a pod came or went.
//
// A motion budget: past BUSY_COUNT arrivals and departures within WINDOW_MS (a CronJob every minute at 600×, a
// Deployment of 50 rolling), objects appear and go without animation, and `:root.busy-world` turns the moves' CSS
// transitions off, until the world has been calm for a window. Nobody can follow that many animations, and each one
// running makes every frame restyle and repaint the whole view.
import { cubicOut } from 'svelte/easing';
import type { TransitionConfig } from 'svelte/transition';

const WINDOW_MS = 2000;
const BUSY_COUNT = 24;
let asked: number[] = [];
let busy = false;
let calmCheck: ReturnType<typeof setTimeout> | undefined;

function setBusy(value: boolean): void {
  if (busy === value) return;
  busy = value;
  if (typeof document !== 'undefined') document.documentElement.classList.toggle('busy-world', value);
}

/** Whether an enter or leave animation may run now; every call counts as one arrival or departure. */
export function motionAllowed(now = performance.now()): boolean {
  asked.push(now);
  let old = 0;
  while (old < asked.length && now - asked[old] > WINDOW_MS) old++;
  if (old) asked = asked.slice(old);
  setBusy(asked.length > BUSY_COUNT);
  if (busy) {
    clearTimeout(calmCheck);
    calmCheck = setTimeout(settle, WINDOW_MS);
  }
  return !busy;
}

/** After a calm window, animations come back. */
function settle(): void {
  const now = performance.now();
  asked = asked.filter((t) => now - t <= WINDOW_MS);
  setBusy(asked.length > BUSY_COUNT);
}

/** Grows from `start` × its size and from transparent (transform-origin is the element's own). */
export function grow(_node: Element, { duration = 400, start = 0.3 }: { duration?: number; start?: number } = {}): TransitionConfig {
  if (!duration || !motionAllowed()) return { duration: 0 };
  return { duration, easing: cubicOut, css: (t) => `transform: scale(${start + (1 - start) * t}); opacity: ${t}` };
}

/** Fades in or out. */
export function fade(_node: Element, { duration = 400 }: { duration?: number } = {}): TransitionConfig {
  if (!duration || !motionAllowed()) return { duration: 0 };
  return { duration, css: (t) => `opacity: ${t}` };
}
