import { describe, expect, it } from 'vitest';
import { toJson } from './json';

describe('toJson', () => {
  it('indents by four spaces, sorts keys and escapes HTML characters as Go does', () => {
    expect(toJson({ kind: 'Pod', apiVersion: 'v1', metadata: { annotations: { x: '<b>&amp;</b> \u2028' } }, items: [], empty: {} })).toBe(`{
    "apiVersion": "v1",
    "empty": {},
    "items": [],
    "kind": "Pod",
    "metadata": {
        "annotations": {
            "x": "\\u003cb\\u003e\\u0026amp;\\u003c/b\\u003e \\u2028"
        }
    }
}
`);
  });
});
