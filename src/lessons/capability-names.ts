// The engine capabilities a lesson may require (detected by capabilities.ts).

export const KNOWN_CAPABILITIES = ['deployments', 'traffic', 'loadbalancer', 'exec', 'logs', 'events', 'wait', 'mongodump', 'hostpath-files'];
