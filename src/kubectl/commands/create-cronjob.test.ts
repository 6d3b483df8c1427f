import { describe, expect, it } from 'vitest';
import { createCronJobObject, validateCreateCronJob } from './create-cronjob';

// Golden: `kubectl create cronjob … --dry-run=client -o json` of kubectl v1.32.
const X = `{
    "kind": "CronJob",
    "apiVersion": "batch/v1",
    "metadata": {
        "name": "x",
        "creationTimestamp": null
    },
    "spec": {
        "schedule": "*/1 * * * *",
        "jobTemplate": {
            "metadata": {
                "name": "x",
                "creationTimestamp": null
            },
            "spec": {
                "template": {
                    "metadata": {
                        "creationTimestamp": null
                    },
                    "spec": {
                        "containers": [
                            {
                                "name": "x",
                                "image": "busybox",
                                "resources": {}
                            }
                        ],
                        "restartPolicy": "OnFailure"
                    }
                }
            }
        }
    },
    "status": {}
}`;
const Y = `{
    "kind": "CronJob",
    "apiVersion": "batch/v1",
    "metadata": {
        "name": "y",
        "namespace": "foo",
        "creationTimestamp": null
    },
    "spec": {
        "schedule": "0 3 * * *",
        "jobTemplate": {
            "metadata": {
                "name": "y",
                "creationTimestamp": null
            },
            "spec": {
                "template": {
                    "metadata": {
                        "creationTimestamp": null
                    },
                    "spec": {
                        "containers": [
                            {
                                "name": "y",
                                "image": "busybox",
                                "command": [
                                    "echo",
                                    "hi"
                                ],
                                "resources": {}
                            }
                        ],
                        "restartPolicy": "Never"
                    }
                }
            }
        }
    },
    "status": {}
}`;

describe('kubectl create cronjob', () => {
  it('builds the CronJob of kubectl create cronjob x --image=busybox --schedule="*/1 * * * *"', () => {
    expect(JSON.stringify(createCronJobObject({ name: 'x', image: 'busybox', schedule: '*/1 * * * *' }), null, 4)).toBe(X);
  });

  it('passes --restart, -n and a command through', () => {
    expect(JSON.stringify(createCronJobObject({ name: 'y', image: 'busybox', schedule: '0 3 * * *', restart: 'Never', namespace: 'foo', command: ['echo', 'hi'] }), null, 4)).toBe(Y);
  });

  it.each([
    [{ name: 'z', image: 'busybox' }, 'required flag(s) "schedule" not set'],
    [{ name: 'z', schedule: '* * * * *' }, 'required flag(s) "image" not set'],
    [{ name: 'z', image: 'busybox', schedule: 'bad' }, undefined],
  ])('validates %j', (o, error) => {
    expect(validateCreateCronJob(o)).toBe(error);
  });
});
