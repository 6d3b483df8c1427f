// The city ("la ville"): nodes are neighbourhoods, pods houses, containers the people living in them, a Service a
// fixed meeting point / postal address, CronJobs a clock tower whose crews (Jobs) build a house that does its job.
import type { Scene } from '../shared/scene';
import { metaphorElements, type Metaphor, type MetaphorElement } from '../shared/metaphor';
import { CITY_SIZES } from './city-layout';

export const CITY: Metaphor = {
  id: 'city',
  title: 'city.title',
  words: {
    Node: 'city.Node',
    Pod: 'city.Pod',
    Container: 'city.Container',
    ClusterIP: 'city.ClusterIP',
    NodePort: 'city.NodePort',
    LoadBalancer: 'city.LoadBalancer',
    ExternalName: 'city.ExternalName',
    CronJob: 'city.CronJob',
    Job: 'city.Job',
    Workload: 'city.Workload',
  },
  gateWord: 'city.gate',
  waiting: 'city.waiting',
  inside: 'city.inside',
  art: {
    pod: 'city-house',
    container: 'city-person',
    service: { ClusterIP: 'city-meeting', NodePort: 'city-meeting', LoadBalancer: 'city-entrance', ExternalName: 'city-signpost' },
    inside: 'city-lock',
    gate: 'city-gate',
    cronJob: 'city-tower',
    job: 'city-crew',
    workload: 'city-developer',
  },
  sizes: CITY_SIZES,
  legend: ['city.legend.city', 'city.legend.house', 'city.legend.service', 'city.legend.clusterip', 'city.legend.nodeport', 'city.legend.lb', 'city.legend.externalname', 'city.legend.cronjob'],
  truths: ['truth.replaced', 'truth.externalName', 'truth.loadBalancer'],
};

/** Objects → the city's elements, one-to-one. */
export function buildCity(scene: Scene): Map<string, MetaphorElement> {
  return metaphorElements(scene, CITY);
}
