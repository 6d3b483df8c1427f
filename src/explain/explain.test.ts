import { describe, expect, it } from 'vitest';
import { Session } from '../host/session';
import { explain } from './explain';
import { validateManifest } from './validate-manifest';

const START = '2026-01-05T09:00:00.000Z';
const CRONJOB_V1BETA1 = 'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: dump\nspec:\n  schedule: "*/1 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n          - name: c\n            image: busybox\n';
const DUMP_JOB = 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: dump\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      nodeSelector:\n        app: dump\n      containers:\n      - name: c\n        image: busybox\n';

const kinds = (s: Session) => explain({ sim: s.sim, journal: s.journal, files: s.fileSource }).map((e) => e.kind);

describe('explain', () => {
  it('explains a batch/v1beta1 CronJob refused by a 1.32 cluster, from the file applied', () => {
    const s = new Session({ start: START }, [{ name: 'cj.yaml', text: CRONJOB_V1BETA1 }]);
    expect(s.run('kubectl apply -f cj.yaml').exitCode).toBe(1);
    const [e] = explain({ sim: s.sim, journal: s.journal, files: s.fileSource });
    expect(e?.kind).toBe('removed-api-version');
    expect(e?.fix.en).toContain('apiVersion: batch/v1');
  });

  it('explains the Pending dump pod when no node has the label app=dump, and highlights the pod and its Job', () => {
    const s = new Session({ start: START }, [{ name: 'job.yaml', text: DUMP_JOB }]);
    s.run('kubectl apply -f job.yaml');
    s.advance(5_000);
    const e = explain({ sim: s.sim, journal: s.journal, files: s.fileSource }).find((x) => x.kind === 'pending-node-selector');
    expect(e?.why.fr).toContain('app=dump');
    expect(e?.objects.map((o) => o.kind)).toEqual(['Pod', 'Job']);
    s.run('kubectl label node kind-worker app=dump');
    expect(kinds(s)).not.toContain('pending-node-selector');
  });

  it('explains a ClusterIP Service tried from outside once its requests fail unreachable, and not a NodePort one', () => {
    const s = new Session({ start: START });
    s.run('kubectl create deployment web --image=nginx --replicas=2');
    s.run('kubectl expose deployment web --port=80');
    s.advance(30_000);
    s.act({ type: 'start-traffic', from: { kind: 'internet' }, to: { service: { namespace: 'default', name: 'web' } }, rate: 4 });
    expect(kinds(s)).not.toContain('clusterip-from-outside');
    s.advance(5_000);
    const e = explain({ sim: s.sim, journal: s.journal, files: s.fileSource }).find((x) => x.kind === 'clusterip-from-outside');
    expect(e?.objects).toEqual([{ kind: 'Service', namespace: 'default', name: 'web' }]);
    expect(e?.fix.fr).toContain('NodePort');
    s.act({ type: 'stop-all-traffic' });
    s.act({ type: 'reset-traffic-counters' });
    s.run('kubectl expose deployment web --name=web-np --port=80 --type=NodePort');
    s.act({ type: 'start-traffic', from: { kind: 'internet' }, to: { service: { namespace: 'default', name: 'web-np' } }, rate: 4 });
    s.advance(5_000);
    expect(kinds(s)).not.toContain('clusterip-from-outside');
  });

  it('explains an image that cannot be pulled', () => {
    const s = new Session({ start: START });
    s.run('kubectl run web --image=ngnix:lates');
    s.advance(60_000);
    expect(kinds(s)).toContain('image-pull');
  });
});

describe('validateManifest', () => {
  it('gives YAML errors at the mark and API errors at the field’s line, in the API server’s words', () => {
    const s = new Session({ start: START });
    expect(validateManifest('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n spec: 1\n', s.sim)[0]).toMatchObject({ line: 5, severity: 'error' });
    const bad = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: Bad_Name\nspec:\n  containers:\n  - name: c\n    image: busybox\n';
    const [d] = validateManifest(bad, s.sim);
    expect(d).toMatchObject({ line: 4, severity: 'error' });
    expect(d!.message).toMatch(/^metadata\.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/);
    expect(validateManifest(CRONJOB_V1BETA1, s.sim)[0]!.message).toBe('no matches for kind "CronJob" in version "batch/v1beta1" (this cluster serves CronJob in batch/v1)');
  });

  it('does not touch the live cluster’s randomness', () => {
    const s = new Session({ start: START });
    const before = JSON.stringify(s.sim.save());
    validateManifest('apiVersion: v1\nkind: Pod\nmetadata:\n  name: ok\nspec:\n  containers:\n  - name: c\n    image: busybox\n', s.sim);
    expect(JSON.stringify(s.sim.save())).toBe(before);
  });
});
