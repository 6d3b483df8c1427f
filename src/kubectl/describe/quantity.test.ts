import { describe, expect, it } from 'vitest';
import { addQuantity, canonicalQuantity, milliValue, parseQuantity, value } from './quantity';
import { formatQuantity } from './quantity';

describe('quantities', () => {
  it.each([
    ['100m', '100m'],
    ['0.5', '500m'],
    ['1000m', '1'],
    ['1000', '1k'],
    ['128Mi', '128Mi'],
    ['1024Mi', '1Gi'],
    ['1536Mi', '1536Mi'],
    ['32827364Ki', '32827364Ki'],
    ['0', '0'],
    ['512', '512'],
    ['1e3', '1e3'],
  ])('prints %s canonically as %s', (input, expected) => {
    expect(canonicalQuantity(input)).toBe(expected);
  });

  it('sums in the format of the first operand', () => {
    const sum = addQuantity(parseQuantity('100Mi')!, parseQuantity('70Mi')!);
    expect(formatQuantity(sum)).toBe('170Mi');
    expect(formatQuantity(addQuantity(parseQuantity('250m')!, parseQuantity('1')!))).toBe('1250m');
  });

  it('rounds milli and unit values up', () => {
    expect(milliValue(parseQuantity('8')!)).toBe(8000n);
    expect(value(parseQuantity('1Ki')!)).toBe(1024n);
  });
});
