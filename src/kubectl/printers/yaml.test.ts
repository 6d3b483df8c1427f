import { describe, expect, it } from 'vitest';
import { toYaml } from './yaml';

// Expected texts are kubectl 1.32's own output (`kubectl label --local -f obj.json x- -o yaml`).
describe('toYaml', () => {
  it('quotes strings that would read back as other types and folds long lines as kubectl does', () => {
    const data: Record<string, string> = {
      a: 'word '.repeat(30).trim(),
      aa: '@x', ab: 'a, b', ac: '[x]', ad: '?x', ae: '? x',
      af: 'key: value long '.repeat(8),
      ag: '1_0', ah: '+1', ai: '-1.5e3', aj: '.5', ak: '2026-01-05', al: 'True', am: 'nULL', an: 'Off', ao: '=', ap: '<<',
      aq: 'x\r\ny', ar: 'trailing\n', as: 'tr2\n\n', b: 'x'.repeat(120), c: 'tab\there', d: ' lead\nline2', e: 'line1\nline2',
      f: 'trail \nx', g: 'a: b', h: '- x', i: '#x', j: 'x #y', k: '1.5', l: '0x1F', m: '1e3', n: '~', o: 'on', p: 'é ü',
      q: 'a\n\nb\n\n', r: "'q'", s: '"dq"', t: '123_456', u: '0777', v: '-', w: '1:20', x: 'x\u0001',
      y: 'multi\nline with trailing space \nok', z: '.inf',
    };
    const expected = `apiVersion: v1
data:
  a: word word word word word word word word word word word word word word word word
    word word word word word word word word word word word word word word
  aa: '@x'
  ab: a, b
  ac: '[x]'
  ad: ?x
  ae: '? x'
  af: 'key: value long key: value long key: value long key: value long key: value
    long key: value long key: value long key: value long '
  ag: "1_0"
  ah: "+1"
  ai: "-1.5e3"
  aj: ".5"
  ak: "2026-01-05"
  al: "True"
  am: nULL
  an: "Off"
  ao: =
  ap: <<
  aq: "x\\r\\ny"
  ar: |
    trailing
  as: |+
    tr2

  b: ${'x'.repeat(120)}
  c: "tab\\there"
  d: |2-
     lead
    line2
  e: |-
    line1
    line2
  f: "trail \\nx"
  g: 'a: b'
  h: '- x'
  i: '#x'
  j: 'x #y'
  k: "1.5"
  l: "0x1F"
  m: "1e3"
  "n": "~"
  o: "on"
  p: é ü
  q: |+
    a

    b

  r: '''q'''
  s: '"dq"'
  t: "123_456"
  u: "0777"
  v: '-'
  w: "1:20"
  x: "x\\x01"
  "y": "multi\\nline with trailing space \\nok"
  z: ".inf"
kind: ConfigMap
metadata:
  name: x
`;
    expect(toYaml({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data })).toBe(expected);
  });

  it('writes sequences at their key’s indentation, empty collections in flow style, and null', () => {
    const pod = {
      spec: {
        containers: [{ name: 'web', image: 'nginx', args: ['-c', 'multi\nline\n'], resources: {}, ports: [{ containerPort: 80 }] }],
        nested: [[1, 2], [], {}, null, true, 1.5],
      },
      status: { conditions: [{ type: 'Ready', status: 'True', lastProbeTime: null }] },
    };
    expect(toYaml(pod)).toBe(`spec:
  containers:
  - args:
    - -c
    - |
      multi
      line
    image: nginx
    name: web
    ports:
    - containerPort: 80
    resources: {}
  nested:
  - - 1
    - 2
  - []
  - {}
  - null
  - true
  - 1.5
status:
  conditions:
  - lastProbeTime: null
    status: "True"
    type: Ready
`);
  });
});
