// The controllers of a simulated cluster, in the order they get to react to a change.
import type { Simulation } from '../sim/simulation';
import { schedulerController } from './scheduler';
import { kubeletController } from './kubelet';
import { createGarbageCollector } from './garbage-collector';
import { createEndpointsController } from './endpoints-controller';
import { createEndpointSliceController } from './endpointslice-controller';
import { eventTtlController } from './event-ttl-controller';
import { createNamespaceController } from './namespace-controller';
import { jobController } from './job-controller';
import { cronJobController } from './cronjob-controller';
import { ttlAfterFinishedController } from './ttl-after-finished-controller';
import { deploymentController } from './deployment-controller';
import { replicaSetController } from './replicaset-controller';
import { nodeLifecycleController } from './node-lifecycle-controller';
import { serviceController } from './service-controller';
import { kubeProxyController } from '../network/kube-proxy';
import { bindTraffic, trafficController } from '../traffic/traffic-controller';
import { installScheduleValidation } from '../cron/schedule-validation';

installScheduleValidation();

export function registerControllers(sim: Simulation): void {
  sim.addController(createNamespaceController());
  sim.addController(schedulerController);
  sim.addController(kubeletController);
  sim.addController(createGarbageCollector());
  sim.addController(createEndpointsController());
  sim.addController(createEndpointSliceController());
  sim.addController(eventTtlController);
  sim.addController(jobController);
  sim.addController(cronJobController);
  sim.addController(ttlAfterFinishedController);
  sim.addController(deploymentController);
  sim.addController(replicaSetController);
  sim.addController(nodeLifecycleController);
  sim.addController(serviceController);
  sim.addController(kubeProxyController);
  sim.addController(trafficController);
  bindTraffic(sim);
}
