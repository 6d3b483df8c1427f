// The amusement park ("le parc d'attractions"): services are attractions, nodes the park's gates (each with an
// employee holding the attraction's number: the NodePort), pods the ride cars, LoadBalancer the electronic board
// sending visitors to the least crowded gate, ExternalName the internal phone's shortcut, Jobs the maintenance round.
import type { Scene } from '../shared/scene';
import { metaphorElements, type Metaphor, type MetaphorElement } from '../shared/metaphor';
import { PARK_SIZES } from './park-layout';

export const PARK: Metaphor = {
  id: 'park',
  title: 'park.title',
  words: {
    Node: 'park.Node',
    Pod: 'park.Pod',
    Container: 'park.Container',
    ClusterIP: 'park.ClusterIP',
    NodePort: 'park.NodePort',
    LoadBalancer: 'park.LoadBalancer',
    ExternalName: 'park.ExternalName',
    CronJob: 'park.CronJob',
    Job: 'park.Job',
    Workload: 'park.Workload',
  },
  gateWord: 'park.gate',
  waiting: 'park.waiting',
  inside: 'park.inside',
  art: {
    pod: 'park-booth',
    container: 'park-operator',
    service: { ClusterIP: 'park-attraction', NodePort: 'park-attraction', LoadBalancer: 'park-board', ExternalName: 'park-phone' },
    inside: 'park-staffonly',
    gate: 'park-sign',
    cronJob: 'park-clock',
    job: 'park-maintenance',
    workload: 'park-kiosk',
  },
  sizes: PARK_SIZES,
  legend: ['park.legend.park', 'park.legend.nodeport', 'park.legend.lb', 'park.legend.clusterip', 'park.legend.externalname', 'park.legend.job'],
  truths: ['truth.replaced', 'truth.externalName', 'truth.loadBalancer'],
};

/** Objects → the park's elements, one-to-one. */
export function buildPark(scene: Scene): Map<string, MetaphorElement> {
  return metaphorElements(scene, PARK);
}
