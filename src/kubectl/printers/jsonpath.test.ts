import { describe, expect, it } from 'vitest';
import { JsonPath, JsonPathError } from './jsonpath';

const list = {
  items: [
    { metadata: { name: 'web', labels: { app: 'web' } }, status: { conditions: [{ type: 'Ready', status: 'True' }], replicas: 2 } },
    { metadata: { name: 'db' }, status: { conditions: [{ type: 'Ready', status: 'False' }], ratio: 1.5 } },
  ],
};

describe('JsonPath', () => {
  it('joins the values of one expression with spaces', () => {
    expect(new JsonPath('{.items[*].metadata.name}').execute(list)).toBe('web db');
  });

  it('repeats a range body for each item', () => {
    expect(new JsonPath('{range .items[*]}{.metadata.name}{"\\n"}{end}').execute(list)).toBe('web\ndb\n');
  });

  it('filters list items', () => {
    expect(new JsonPath('{.items[?(@.metadata.name=="db")].status.conditions[?(@.type=="Ready")].status}').execute(list)).toBe('False');
  });

  it('prints maps as compact JSON and missing keys as nothing', () => {
    expect(new JsonPath('{.items[0].metadata.labels}|{.items[1].metadata.labels}|{.items[1].status.ratio}').execute(list)).toBe('{"app":"web"}||1.5');
  });

  it('reports an index past the end as kubectl does', () => {
    expect(() => new JsonPath('{.items[5]}').execute(list)).toThrow('array index out of bounds: index 5, length 2');
  });

  it('rejects an unclosed action', () => {
    expect(() => new JsonPath('{.items')).toThrow(JsonPathError);
  });
});
