// The shopping mall ("le centre commercial"): applications are shops, customers are requests, pods the tills,
// nodes the mall's buildings. ClusterIP is the staff's back door, NodePort a numbered stand in the car park,
// LoadBalancer the team at the entrance, ExternalName the pizza restaurant's flyer, Jobs the cleaning crew.
import type { Scene } from '../shared/scene';
import { metaphorElements, type Metaphor, type MetaphorElement } from '../shared/metaphor';
import { MALL_SIZES } from './mall-layout';

export const MALL: Metaphor = {
  id: 'mall',
  title: 'mall.title',
  words: {
    Node: 'mall.Node',
    Pod: 'mall.Pod',
    Container: 'mall.Container',
    ClusterIP: 'mall.ClusterIP',
    NodePort: 'mall.NodePort',
    LoadBalancer: 'mall.LoadBalancer',
    ExternalName: 'mall.ExternalName',
    CronJob: 'mall.CronJob',
    Job: 'mall.Job',
    Workload: 'mall.Workload',
  },
  gateWord: 'mall.gate',
  waiting: 'mall.waiting',
  inside: 'mall.inside',
  art: {
    pod: 'mall-till',
    container: 'mall-staff',
    service: { ClusterIP: 'mall-shop', NodePort: 'mall-shop', LoadBalancer: 'mall-team', ExternalName: 'mall-flyer' },
    inside: 'mall-backdoor',
    gate: 'mall-stand',
    cronJob: 'mall-clock',
    job: 'mall-cleaning',
    workload: 'mall-office',
  },
  sizes: MALL_SIZES,
  legend: ['mall.legend.mall', 'mall.legend.customers', 'mall.legend.clusterip', 'mall.legend.nodeport', 'mall.legend.lb', 'mall.legend.externalname', 'mall.legend.job'],
  truths: ['truth.replaced', 'truth.externalName', 'truth.loadBalancer'],
};

/** Objects → the mall's elements, one-to-one. */
export function buildMall(scene: Scene): Map<string, MetaphorElement> {
  return metaphorElements(scene, MALL);
}
