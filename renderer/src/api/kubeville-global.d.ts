// The one global the Electron preload installs; absent in browser mode.
import type { KubevilleApi } from '../../../src/host/api';

declare global {
  interface Window {
    kubeville?: KubevilleApi;
  }
}
export {};
