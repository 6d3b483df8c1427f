// Finds the classic learners' mistakes in the simulation's state and events (never in printed text): each
// detector reads the store, or the inputs (files applied) and the API's resource table.
import type { Event } from '../api/event';
import type { Job } from '../api/job';
import type { KubeObject } from '../api/meta';
import type { Pod } from '../api/pod';
import type { Node } from '../api/node';
import type { Service } from '../api/service';
import type { Endpoints } from '../api/endpoints';
import { matchesMap } from '../api/selectors';
import { resourceForKind, knownVersionsOfKind } from '../api/resources';
import { parseManifests } from '../kubectl/manifests';
import type { FileSource } from '../kubectl/context';
import type { Simulation } from '../sim/simulation';
import type { JournalEntry } from '../host/session';
import { splitWords } from '../host/shell-words';
import type { Explanation, ExplainedObject } from './explanation';
import { TRAFFIC, type TrafficState } from '../traffic/traffic-state';
import { requestFor } from '../traffic/traffic-controller';

export interface ExplainInput {
  sim: Simulation;
  journal: JournalEntry[];
  files: FileSource;
}

const ref = (o: KubeObject): ExplainedObject => ({ kind: o.kind, namespace: o.metadata.namespace, name: o.metadata.name ?? '' });
const idOf = (kind: string, o: ExplainedObject) => `${kind}:${o.kind}/${o.namespace ?? ''}/${o.name}`;

function eventsAbout(sim: Simulation, o: KubeObject): Event[] {
  return sim.api.list<Event>('Event', o.metadata.namespace ?? 'default').filter((e) => e.involvedObject.kind === o.kind && e.involvedObject.name === o.metadata.name);
}

/** Manifests the last command applied or created (`kubectl apply|create -f FILE…`, stdin included). */
function lastAppliedManifests(input: ExplainInput): { object: KubeObject; source: string }[] {
  const last = [...input.journal].reverse().find((e) => e.type === 'command');
  if (!last || last.type !== 'command') return [];
  let words: string[];
  try {
    words = splitWords(last.line);
  } catch {
    return [];
  }
  if (!['kubectl', 'k'].includes(words[0] ?? '') || !['apply', 'create'].includes(words[1] ?? '')) return [];
  const out: { object: KubeObject; source: string }[] = [];
  for (let i = 2; i < words.length; i++) {
    const w = words[i]!;
    let name: string | undefined;
    if (w === '-f' || w === '--filename') name = words[++i];
    else if (w.startsWith('--filename=')) name = w.slice(11);
    else if (w.startsWith('-f') && w.length > 2) name = w.slice(2);
    if (name === undefined) continue;
    const text = name === '-' ? last.stdin : input.files.read(name);
    if (text === undefined) continue;
    try {
      out.push(...parseManifests(text, name));
    } catch {
      // A YAML error is kubectl's to report.
    }
  }
  return out;
}

function removedApiVersion(input: ExplainInput): Explanation[] {
  const minor = input.sim.config.minor;
  return lastAppliedManifests(input).flatMap(({ object, source }) => {
    if (!object.kind || resourceForKind(object.apiVersion, object.kind, minor)) return [];
    const versions = knownVersionsOfKind(object.kind);
    if (!versions.includes(object.apiVersion)) return [];
    const current = versions.find((v) => resourceForKind(v, object.kind, minor));
    if (!current) return [];
    const o = { kind: object.kind, namespace: object.metadata.namespace ?? 'default', name: object.metadata.name ?? '' };
    return [
      {
        id: idOf('removed-api-version', o),
        kind: 'removed-api-version',
        title: { en: `${object.apiVersion} is no longer served`, fr: `${object.apiVersion} n'est plus servi` },
        what: { en: `The API server refused ${source}: it does not serve ${object.kind} in ${object.apiVersion} any more.`, fr: `Le serveur d'API a refusé ${source} : il ne sert plus les ${object.kind} en ${object.apiVersion}.` },
        why: { en: `Old API versions are removed after a deprecation period; this cluster runs Kubernetes 1.${minor}, where ${object.kind} is ${current}. Lessons written for older clusters still show the old version.`, fr: `Les anciennes versions d'API sont retirées après une période de dépréciation ; ce cluster est en Kubernetes 1.${minor}, où ${object.kind} est en ${current}. Les cours écrits pour des clusters plus anciens montrent encore l'ancienne version.` },
        fix: { en: `Change the first line of ${source} to \`apiVersion: ${current}\` and apply it again.`, fr: `Remplacez la première ligne de ${source} par \`apiVersion: ${current}\` et appliquez-le de nouveau.` },
        objects: [],
      },
    ];
  });
}

function nodePortOutOfRange(input: ExplainInput): Explanation[] {
  return lastAppliedManifests(input).flatMap(({ object, source }) => {
    if (object.kind !== 'Service') return [];
    const ports = ((object.spec as { ports?: { nodePort?: number }[] } | undefined)?.ports ?? []).filter((p) => typeof p.nodePort === 'number' && (p.nodePort < 30000 || p.nodePort > 32767));
    if (!ports.length) return [];
    const o = { kind: 'Service', namespace: object.metadata.namespace ?? 'default', name: object.metadata.name ?? '' };
    const port = ports[0]!.nodePort;
    return [
      {
        id: idOf('nodeport-out-of-range', o),
        kind: 'nodeport-out-of-range',
        title: { en: `NodePort ${port} is out of range`, fr: `Le NodePort ${port} est hors plage` },
        what: { en: `The API server refused the Service in ${source}: nodePort ${port} is not in 30000-32767.`, fr: `Le serveur d'API a refusé le Service de ${source} : le nodePort ${port} n'est pas dans 30000-32767.` },
        why: { en: 'Node ports come from a reserved range (--service-node-port-range, 30000-32767 by default) so they never collide with ports the nodes already use.', fr: 'Les ports de nœud viennent d’une plage réservée (--service-node-port-range, 30000-32767 par défaut) pour ne jamais entrer en conflit avec les ports déjà utilisés par les nœuds.' },
        fix: { en: 'Pick a nodePort between 30000 and 32767, or leave it out: Kubernetes then chooses one.', fr: 'Choisissez un nodePort entre 30000 et 32767, ou retirez-le : Kubernetes en choisit un.' },
        objects: [],
      },
    ];
  });
}

function tolerated(pod: Pod, taint: { key: string; value?: string; effect: string }): boolean {
  return (pod.spec.tolerations ?? []).some((t) => (t.operator === 'Exists' && (!t.key || t.key === taint.key)) || (t.key === taint.key && (t.value ?? '') === (taint.value ?? ''))) ;
}

function pendingPods(input: ExplainInput): Explanation[] {
  const { sim } = input;
  const nodes = sim.api.list<Node>('Node');
  const out: Explanation[] = [];
  for (const pod of sim.api.list<Pod>('Pod')) {
    if (pod.spec.nodeName || pod.metadata.deletionTimestamp || pod.status?.phase !== 'Pending') continue;
    if (!eventsAbout(sim, pod).some((e) => e.reason === 'FailedScheduling')) continue;
    const o = ref(pod);
    const selector = pod.spec.nodeSelector;
    const matching = nodes.filter((n) => matchesMap(n.metadata.labels, selector ?? {}));
    if (selector && Object.keys(selector).length && matching.every((n) => (n.spec?.taints ?? []).some((t) => t.effect === 'NoSchedule' && !tolerated(pod, t)))) {
      const wanted = Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(', ');
      const owner = pod.metadata.ownerReferences?.[0];
      out.push({
        id: idOf('pending-node-selector', o),
        kind: 'pending-node-selector',
        title: { en: `Pod ${o.name} waits for a node labelled ${wanted}`, fr: `Le pod ${o.name} attend un nœud avec le label ${wanted}` },
        what: { en: `The scheduler found no node for ${o.name}: it stays Pending.`, fr: `Le scheduler n'a trouvé aucun nœud pour ${o.name} : il reste Pending.` },
        why: { en: `Its nodeSelector asks for ${wanted}, and ${matching.length ? 'the only nodes with it do not accept pods (taint)' : 'no node carries that label'}.`, fr: `Son nodeSelector demande ${wanted}, et ${matching.length ? 'les seuls nœuds qui l’ont refusent les pods (taint)' : 'aucun nœud ne porte ce label'}.` },
        fix: { en: `Label a worker: \`kubectl label node kind-worker ${Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(' ')}\` — the pod is scheduled at once.`, fr: `Posez le label sur un worker : \`kubectl label node kind-worker ${Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(' ')}\` — le pod est placé aussitôt.` },
        objects: [o, ...(owner ? [{ kind: owner.kind, namespace: o.namespace, name: owner.name }] : [])],
      });
      continue;
    }
    const schedulable = matching.filter((n) => !n.spec?.unschedulable);
    if (schedulable.length && schedulable.every((n) => (n.spec?.taints ?? []).some((t) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerated(pod, t)))) {
      const taint = schedulable[0]!.spec!.taints!.find((t) => !tolerated(pod, t))!;
      out.push({
        id: idOf('pending-taint', o),
        kind: 'pending-taint',
        title: { en: `Pod ${o.name} is kept off the nodes by a taint`, fr: `Un taint tient le pod ${o.name} à l’écart des nœuds` },
        what: { en: `${o.name} stays Pending: every node it could go to has a taint it does not tolerate.`, fr: `${o.name} reste Pending : chaque nœud possible a un taint qu’il ne tolère pas.` },
        why: { en: `A taint (${taint.key}${taint.value ? `=${taint.value}` : ''}:${taint.effect}) repels pods without a matching toleration.`, fr: `Un taint (${taint.key}${taint.value ? `=${taint.value}` : ''}:${taint.effect}) repousse les pods sans tolérance correspondante.` },
        fix: { en: `Remove the taint (\`kubectl taint node NODE ${taint.key}-\`) or add a toleration to the pod.`, fr: `Retirez le taint (\`kubectl taint node NŒUD ${taint.key}-\`) ou ajoutez une tolérance au pod.` },
        objects: [o, ...schedulable.map(ref)],
      });
    }
  }
  return out;
}

function containerTrouble(input: ExplainInput): Explanation[] {
  const out: Explanation[] = [];
  for (const pod of input.sim.api.list<Pod>('Pod')) {
    if (pod.metadata.deletionTimestamp) continue;
    for (const cs of pod.status?.containerStatuses ?? []) {
      const reason = cs.state?.waiting?.reason;
      const o = ref(pod);
      if (reason === 'ImagePullBackOff' || reason === 'ErrImagePull' || reason === 'InvalidImageName') {
        out.push({
          id: idOf('image-pull', o),
          kind: 'image-pull',
          title: { en: `Image ${cs.image} cannot be pulled`, fr: `L'image ${cs.image} ne peut pas être téléchargée` },
          what: { en: `The kubelet cannot pull ${cs.image} for ${o.name} (${reason}); it retries with a growing back-off.`, fr: `Le kubelet n'arrive pas à télécharger ${cs.image} pour ${o.name} (${reason}) ; il réessaie avec une attente croissante.` },
          why: { en: 'The image name or tag is wrong (a typo, a tag that does not exist), or the registry needs credentials.', fr: 'Le nom ou le tag de l’image est faux (faute de frappe, tag inexistant), ou le registre demande des identifiants.' },
          fix: { en: `Fix the image in the manifest (e.g. \`busybox\`, \`mongo:4.0\`) and apply it again; \`kubectl describe pod ${o.name}\` shows the exact error.`, fr: `Corrigez l'image dans le manifeste (par ex. \`busybox\`, \`mongo:4.0\`) et appliquez-le de nouveau ; \`kubectl describe pod ${o.name}\` montre l'erreur exacte.` },
          objects: [o],
        });
      } else if (reason === 'CrashLoopBackOff') {
        out.push({
          id: idOf('crash-loop', o),
          kind: 'crash-loop',
          title: { en: `Container ${cs.name} keeps crashing`, fr: `Le conteneur ${cs.name} plante en boucle` },
          what: { en: `${o.name}'s container exited ${cs.restartCount} times; the kubelet now waits longer and longer before restarting it (CrashLoopBackOff).`, fr: `Le conteneur de ${o.name} s'est arrêté ${cs.restartCount} fois ; le kubelet attend de plus en plus longtemps avant de le relancer (CrashLoopBackOff).` },
          why: { en: 'Its command fails or ends at once, and the restart policy (Always, OnFailure) starts it again.', fr: 'Sa commande échoue ou se termine aussitôt, et la politique de redémarrage (Always, OnFailure) le relance.' },
          fix: { en: `Read why it stops: \`kubectl logs ${o.name} --previous\` and \`kubectl describe pod ${o.name}\`, then fix the command.`, fr: `Lisez pourquoi il s'arrête : \`kubectl logs ${o.name} --previous\` et \`kubectl describe pod ${o.name}\`, puis corrigez la commande.` },
          objects: [o],
        });
      }
    }
  }
  return out;
}

function servicesWithoutEndpoints(input: ExplainInput): Explanation[] {
  const { sim } = input;
  const out: Explanation[] = [];
  for (const svc of sim.api.list<Service>('Service')) {
    const selector = svc.spec?.selector;
    if (!selector || Object.keys(selector).length === 0 || svc.spec?.type === 'ExternalName') continue;
    const ns = svc.metadata.namespace ?? 'default';
    const ep = sim.api.tryGet<Endpoints>('Endpoints', ns, svc.metadata.name!);
    const ready = (ep?.subsets ?? []).some((s) => (s.addresses ?? []).length > 0);
    if (ready) continue;
    const pods = sim.api.list<Pod>('Pod', ns).filter((p) => !p.metadata.deletionTimestamp);
    const matching = pods.filter((p) => matchesMap(p.metadata.labels, selector));
    if (matching.some((p) => p.status?.phase === 'Pending' || !(p.status?.conditions ?? []).some((c) => c.type === 'Ready'))) continue;
    const o = ref(svc);
    const sel = Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(',');
    if (matching.length === 0) {
      const near = pods.filter((p) => Object.keys(selector).some((k) => p.metadata.labels?.[k] !== undefined)).slice(0, 3);
      if (pods.length === 0) continue;
      out.push({
        id: idOf('service-no-endpoints', o),
        kind: 'service-no-endpoints',
        title: { en: `Service ${o.name} has no endpoints`, fr: `Le Service ${o.name} n'a aucun endpoint` },
        what: { en: `No pod matches the selector ${sel}: requests to ${o.name} have nowhere to go.`, fr: `Aucun pod ne correspond au sélecteur ${sel} : les requêtes vers ${o.name} ne vont nulle part.` },
        why: { en: 'A Service finds its pods by labels only; the selector and the pods’ labels must match exactly.', fr: 'Un Service trouve ses pods uniquement par leurs labels ; le sélecteur et les labels des pods doivent correspondre exactement.' },
        fix: { en: `Compare \`kubectl get pods --show-labels\` with the selector and fix one of them.`, fr: `Comparez \`kubectl get pods --show-labels\` avec le sélecteur et corrigez l'un des deux.` },
        objects: [o, ...near.map(ref)],
      });
    }
  }
  return out;
}

function failedJobs(input: ExplainInput): Explanation[] {
  return input.sim.api.list<Job>('Job').flatMap((job) => {
    const failed = job.status?.conditions?.find((c) => c.type === 'Failed' && c.status === 'True' && c.reason === 'BackoffLimitExceeded');
    if (!failed) return [];
    const o = ref(job);
    const limit = job.spec.backoffLimit ?? 6;
    return [
      {
        id: idOf('job-backoff-limit', o),
        kind: 'job-backoff-limit' as const,
        title: { en: `Job ${o.name} gave up`, fr: `Le Job ${o.name} a abandonné` },
        what: { en: `Its pods failed ${job.status?.failed ?? limit + 1} times, more than backoffLimit (${limit}): the Job is Failed and starts no more pods.`, fr: `Ses pods ont échoué ${job.status?.failed ?? limit + 1} fois, plus que backoffLimit (${limit}) : le Job est Failed et ne lance plus de pods.` },
        why: { en: 'A Job retries failed pods with a growing delay, up to backoffLimit; then it stops for good.', fr: 'Un Job relance les pods en échec avec un délai croissant, jusqu’à backoffLimit ; ensuite il s’arrête pour de bon.' },
        fix: { en: `Find why the pods fail (\`kubectl logs job/${o.name}\`), fix it, then delete and re-create the Job.`, fr: `Trouvez pourquoi les pods échouent (\`kubectl logs job/${o.name}\`), corrigez, puis supprimez et recréez le Job.` },
        objects: [o],
      },
    ];
  });
}

function quietCronJobs(input: ExplainInput): Explanation[] {
  const { sim } = input;
  return sim.api.list<KubeObject & { spec: { suspend?: boolean; schedule: string; concurrencyPolicy?: string } }>('CronJob').flatMap((cj) => {
    const o = ref(cj);
    const reasons = eventsAbout(sim, cj).map((e) => e.reason);
    const base = { id: '', kind: 'cronjob-not-firing' as const, objects: [o] };
    if (cj.spec.suspend) {
      return [{ ...base, id: idOf('cronjob-not-firing', o), title: { en: `CronJob ${o.name} is suspended`, fr: `Le CronJob ${o.name} est suspendu` }, what: { en: 'It creates no Jobs while spec.suspend is true.', fr: 'Il ne crée aucun Job tant que spec.suspend vaut true.' }, why: { en: 'Suspending pauses the schedule without deleting anything.', fr: 'Suspendre met le planning en pause sans rien supprimer.' }, fix: { en: `\`kubectl patch cronjob ${o.name} -p '{"spec":{"suspend":false}}'\``, fr: `\`kubectl patch cronjob ${o.name} -p '{"spec":{"suspend":false}}'\`` } }];
    }
    if (reasons.includes('JobAlreadyActive')) {
      return [{ ...base, id: idOf('cronjob-not-firing', o), title: { en: `CronJob ${o.name} skipped a run`, fr: `Le CronJob ${o.name} a sauté une exécution` }, what: { en: 'A run was due while the previous Job was still running, and concurrencyPolicy is Forbid.', fr: 'Une exécution était prévue alors que le Job précédent tournait encore, et concurrencyPolicy vaut Forbid.' }, why: { en: 'Forbid never runs two Jobs of the CronJob at once: the new run is skipped.', fr: 'Forbid ne lance jamais deux Jobs du CronJob en même temps : la nouvelle exécution est sautée.' }, fix: { en: 'Make the Job shorter than the schedule’s interval, or use concurrencyPolicy: Allow or Replace.', fr: 'Rendez le Job plus court que l’intervalle du planning, ou utilisez concurrencyPolicy: Allow ou Replace.' } }];
    }
    const missed = reasons.find((r) => ['MissSchedule', 'TooManyMissedTimes', 'UnknownTimeZone', 'InvalidSchedule', 'UnparseableSchedule'].includes(r));
    if (missed) {
      return [{ ...base, id: idOf('cronjob-not-firing', o), title: { en: `CronJob ${o.name} did not fire (${missed})`, fr: `Le CronJob ${o.name} ne s'est pas déclenché (${missed})` }, what: { en: `The CronJob controller reported ${missed}.`, fr: `Le contrôleur des CronJobs a signalé ${missed}.` }, why: { en: missed === 'UnknownTimeZone' ? 'spec.timeZone names a zone the cluster does not know.' : missed.includes('Miss') ? 'The scheduled time passed more than startingDeadlineSeconds ago, so that run is skipped.' : 'The schedule is not a valid five-field cron expression.', fr: missed === 'UnknownTimeZone' ? 'spec.timeZone désigne un fuseau inconnu du cluster.' : missed.includes('Miss') ? 'L’heure prévue est passée depuis plus de startingDeadlineSeconds : cette exécution est sautée.' : 'Le planning n’est pas une expression cron valide à cinq champs.' }, fix: { en: `\`kubectl describe cronjob ${o.name}\` shows the events; fix the schedule, time zone or deadline.`, fr: `\`kubectl describe cronjob ${o.name}\` montre les événements ; corrigez le planning, le fuseau ou le délai.` } }];
    }
    return [];
  });
}

/** Traffic from the Internet to a ClusterIP Service: its requests fail `unreachable` (the address only exists inside). */
function clusterIpFromOutside(input: ExplainInput): Explanation[] {
  const { sim } = input;
  // Read as is: normalizing (trafficStateOf) would write defaults into the saved state.
  const st = sim.stateOf(TRAFFIC) as Partial<TrafficState>;
  if (!st.failures?.unreachable || !st.generators) return [];
  const out: Explanation[] = [];
  for (const g of Object.values(st.generators)) {
    if (g.from.kind !== 'internet' || !('service' in g.to) || g.failed === 0) continue;
    const svc = sim.api.tryGet<Service>('Service', g.to.service.namespace, g.to.service.name);
    if (!svc || (svc.spec?.type ?? 'ClusterIP') === 'ExternalName') continue;
    // Where this generator's requests go: a cluster IP (not a node port or a balancer's address).
    const host = requestFor(sim, { ...g, nodeTurn: 0 }).host;
    if (host !== svc.spec?.clusterIP) continue;
    const o = ref(svc);
    if (out.some((e) => e.id === idOf('clusterip-from-outside', o))) continue;
    const type = svc.spec?.type ?? 'ClusterIP';
    out.push({
      id: idOf('clusterip-from-outside', o),
      kind: 'clusterip-from-outside',
      title: { en: `Service ${o.name} cannot be reached from outside`, fr: `Le Service ${o.name} n'est pas joignable de l'extérieur` },
      what: { en: `${g.failed} requests from the Internet to ${o.name} (${svc.spec?.clusterIP}) timed out: nothing routes them to the cluster.`, fr: `${g.failed} requêtes depuis Internet vers ${o.name} (${svc.spec?.clusterIP}) ont expiré : rien ne les achemine jusqu'au cluster.` },
      why: {
        en: `A ClusterIP is a virtual address that kube-proxy only knows inside the cluster: pods reach it, the outside world does not.${type === 'ClusterIP' ? '' : ` This ${type} Service's cluster IP was addressed directly.`}`,
        fr: `Une ClusterIP est une adresse virtuelle que kube-proxy ne connaît qu'à l'intérieur du cluster : les pods l'atteignent, l'extérieur non.${type === 'ClusterIP' ? '' : ` La cluster IP de ce Service ${type} a été visée directement.`}`,
      },
      fix: {
        en: `To open it to the outside, make it a NodePort (\`kubectl patch service ${o.name} -p '{"spec":{"type":"NodePort"}}'\`) or a LoadBalancer Service; from inside, call it by name from a pod (\`wget -qO- ${o.name}\`).`,
        fr: `Pour l'ouvrir vers l'extérieur, faites-en un Service NodePort (\`kubectl patch service ${o.name} -p '{"spec":{"type":"NodePort"}}'\`) ou LoadBalancer ; de l'intérieur, appelez-le par son nom depuis un pod (\`wget -qO- ${o.name}\`).`,
      },
      objects: [o],
    });
  }
  return out;
}

const DETECTORS = [removedApiVersion, nodePortOutOfRange, pendingPods, containerTrouble, servicesWithoutEndpoints, clusterIpFromOutside, failedJobs, quietCronJobs];

/** Every classic mistake the current state shows, most specific first. */
export function explain(input: ExplainInput): Explanation[] {
  const out: Explanation[] = [];
  for (const d of DETECTORS) {
    try {
      out.push(...d(input));
    } catch {
      // A detector must never break the console.
    }
  }
  return out;
}
