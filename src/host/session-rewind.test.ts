import { describe, expect, it } from 'vitest';
import { Session } from './session';

const START = '2026-01-05T09:00:00.000Z';

function busySession(): Session {
  const s = new Session({ start: START, seed: 7 }, [{ name: 'job.yaml', text: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: hello\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: c\n        image: busybox\n        command: ["sh", "-c", "sleep 20"]\n' }]);
  s.run('kubectl create job myjob1 --image=busybox -- /bin/sh -c "sleep 30"');
  s.advance(20_000);
  s.run('kubectl apply -f job.yaml');
  s.advance(40_000);
  return s;
}

describe('Session.rewindTo', () => {
  it('rewinds to an earlier moment, and replaying the same inputs gives byte-identical state', () => {
    const a = busySession();
    const checkpoint = Date.parse(START) + 20_000;
    const b = new Session({ start: START, seed: 7 }, a.listFiles());
    b.run('kubectl create job myjob1 --image=busybox -- /bin/sh -c "sleep 30"');
    b.advance(20_000);
    const stateAtCheckpoint = JSON.stringify(b.sim.save());

    expect(a.rewindTo(checkpoint)).toBe(true);
    expect(a.sim.now()).toBe(checkpoint);
    expect(JSON.stringify(a.sim.save())).toBe(stateAtCheckpoint);

    // Branch: the same later inputs lead to the same end state as the original run.
    const original = busySession();
    a.run('kubectl apply -f job.yaml');
    a.advance(40_000);
    expect(JSON.stringify(a.sim.save())).toBe(JSON.stringify(original.sim.save()));
  });

  it('forgets the inputs after the moment it went back to', () => {
    const s = busySession();
    s.rewindTo(Date.parse(START) + 10_000);
    expect(s.journal.map((e) => e.type)).toEqual(['command', 'advance']);
    expect(s.sim.api.tryGet('Job', 'default', 'hello')).toBeUndefined();
  });
});
