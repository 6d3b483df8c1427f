// The spotlight: the clicked object and its relatives (a pod's node, Services, Job and CronJob; a CronJob's Jobs
// and their pods; a Service's pods; a node's pods). Everything else is dimmed. Pure.
import type { ObjectKey } from '../../view/object-key';
import type { Scene, ScenePod } from './scene';

export function spotlightKeys(selected: ObjectKey, scene: Scene): Set<ObjectKey> {
  const keys = new Set<ObjectKey>([selected]);
  const pods: ScenePod[] = [...scene.nodes.flatMap((n) => n.pods), ...scene.pending];
  const nodeOf = new Map<ObjectKey, ObjectKey>();
  for (const n of scene.nodes) for (const p of n.pods) nodeOf.set(p.key, n.key);
  const addPod = (p: ScenePod) => {
    keys.add(p.key);
    for (const c of p.containers) keys.add(c.key);
    const node = nodeOf.get(p.key);
    if (node) keys.add(node);
  };
  const base = selected.includes('#') ? selected.slice(0, selected.indexOf('#')) : selected;
  keys.add(base);
  const pod = pods.find((p) => p.key === base);
  if (pod) {
    addPod(pod);
    for (const s of pod.services) keys.add(s);
    if (pod.job) keys.add(pod.job);
    if (pod.cronJob) keys.add(pod.cronJob);
  }
  const node = scene.nodes.find((n) => n.key === base);
  if (node) for (const p of node.pods) addPod(p);
  const service = scene.services.find((s) => s.key === base);
  if (service) for (const p of pods) if (service.endpointPods.includes(p.key)) addPod(p);
  const cron = scene.cronJobs.find((c) => c.key === base);
  const jobs = cron ? scene.jobs.filter((j) => j.cronJob === cron.key) : scene.jobs.filter((j) => j.key === base);
  for (const j of jobs) {
    keys.add(j.key);
    if (j.cronJob) keys.add(j.cronJob);
    for (const p of pods) if (p.job === j.key) addPod(p);
  }
  return keys;
}
