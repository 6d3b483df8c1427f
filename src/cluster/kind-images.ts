// The images a kind cluster of each Kubernetes version runs for its own components.
import { serverVersion } from '../sim/cluster-config';

export interface SystemImages {
  etcd: string;
  apiserver: string;
  controllerManager: string;
  scheduler: string;
  proxy: string;
  coredns: string;
  kindnet: string;
  localPath: string;
  /** The pod-template-hash of the coredns and local-path-provisioner ReplicaSets for that version. */
  corednsHash: string;
  localPathHash: string;
  containerd: string;
}

const ETCD: Record<number, string> = { 24: '3.5.6-0', 25: '3.5.9-0', 26: '3.5.10-0', 27: '3.5.12-0', 28: '3.5.15-0', 29: '3.5.16-0', 30: '3.5.15-0', 31: '3.5.15-0', 32: '3.5.16-0', 33: '3.5.21-0' };
const COREDNS: Record<number, string> = { 24: 'v1.8.6', 25: 'v1.9.3', 26: 'v1.9.3', 27: 'v1.10.1', 28: 'v1.10.1', 29: 'v1.11.1', 30: 'v1.11.3', 31: 'v1.11.3', 32: 'v1.11.3', 33: 'v1.12.0' };

export function systemImages(minor: number): SystemImages {
  const v = serverVersion(minor);
  return {
    etcd: `registry.k8s.io/etcd:${ETCD[minor] ?? '3.5.16-0'}`,
    apiserver: `registry.k8s.io/kube-apiserver:${v}`,
    controllerManager: `registry.k8s.io/kube-controller-manager:${v}`,
    scheduler: `registry.k8s.io/kube-scheduler:${v}`,
    proxy: `registry.k8s.io/kube-proxy:${v}`,
    coredns: `registry.k8s.io/coredns/coredns:${COREDNS[minor] ?? 'v1.11.3'}`,
    kindnet: 'docker.io/kindest/kindnetd:v20250214-acbabc1a',
    localPath: 'docker.io/kindest/local-path-provisioner:v20250214-acbabc1a',
    corednsHash: minor >= 32 ? '668d6bf9bc' : minor >= 30 ? '6f6b679f8f' : '5d78c9869d',
    localPathHash: '7dc846544d',
    containerd: minor >= 32 ? 'containerd://2.0.2' : 'containerd://1.7.18',
  };
}
