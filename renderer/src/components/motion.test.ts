import { describe, expect, it } from 'vitest';
import { motionAllowed } from './motion';

describe('the motion budget', () => {
  it('animates objects that come and go now and then, and stops animating when they come by the dozen', () => {
    expect(motionAllowed(0)).toBe(true);
    expect(motionAllowed(1000)).toBe(true);
    // A CronJob every minute at 600×: a Job, a pod and their links every 100 ms.
    let allowed = true;
    for (let t = 3000; t < 5000; t += 50) allowed = motionAllowed(t);
    expect(allowed).toBe(false);
    // Once the world has been calm for a while, animations come back.
    expect(motionAllowed(9000)).toBe(true);
  });
});
