// The time bar's speeds, and the next one up or down for the + and - keys. Pure.

export const SPEEDS = [1, 2, 10, 60, 600] as const;

export function nextSpeed(current: number, direction: 1 | -1): number {
  if (direction > 0) return SPEEDS.find((s) => s > current) ?? SPEEDS[SPEEDS.length - 1];
  return [...SPEEDS].reverse().find((s) => s < current) ?? SPEEDS[0];
}
