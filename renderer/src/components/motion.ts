// Enter and leave transitions for the drawn objects. Unlike svelte/transition's `scale` and `fade`, they read no
// computed style: with hundreds of SVG elements on screen, each getComputedStyle forced a whole-page style and
// layout pass every time a pod came or went.
import { cubicOut } from 'svelte/easing';
import type { TransitionConfig } from 'svelte/transition';

/** Grows from `start` × its size and from transparent (transform-origin is the element's own). */
export function grow(_node: Element, { duration = 400, start = 0.3 }: { duration?: number; start?: number } = {}): TransitionConfig {
  return { duration, easing: cubicOut, css: (t) => `transform: scale(${start + (1 - start) * t}); opacity: ${t}` };
}

/** Fades in or out. */
export function fade(_node: Element, { duration = 400 }: { duration?: number } = {}): TransitionConfig {
  return { duration, css: (t) => `opacity: ${t}` };
}
