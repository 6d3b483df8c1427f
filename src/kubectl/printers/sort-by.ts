// `--sort-by=<jsonpath>`: kubectl's RuntimeSort / TableSorter. Values compare as numbers, or strings in natural
// order; objects missing the field go first. Like Go's sort.Sort it is an insertion sort for short lists.
import { JsonPath, relaxedJsonPath } from './jsonpath';

export class SortError extends Error {}

/** Sorts items by the value the field expression finds in each one (`object(item)` gives the object to inspect). */
export function sortByField<T>(items: T[], field: string, object: (item: T) => unknown): T[] {
  if (items.length === 0) return items;
  let template: string;
  try {
    template = relaxedJsonPath(field);
  } catch {
    template = field;
  }
  const parser = new JsonPath(template);
  const keyed = items.map((item) => {
    const values = parser.find(object(item));
    return { item, has: values.length > 0, value: values[0] };
  });
  if (!keyed.some((k) => k.has)) throw new SortError(`couldn't find any field with path "${template}" in the list of objects`);
  const less = (a: (typeof keyed)[number], b: (typeof keyed)[number]) => {
    if (!a.has) return true;
    if (!b.has) return false;
    return isLess(a.value, b.value);
  };
  return goSort(keyed, less).map((k) => k.item);
}

function isLess(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined) return !(b === null || b === undefined);
  if (b === null || b === undefined) return false;
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a === 'string' && typeof b === 'string') return naturalLess(a, b);
  return false;
}

/** sort.Sort: insertion sort up to 12 elements (what Go does there); a stable merge sort beyond. */
function goSort<T>(list: T[], less: (a: T, b: T) => boolean): T[] {
  const a = [...list];
  if (a.length <= 12) {
    for (let i = 1; i < a.length; i++) {
      for (let j = i; j > 0 && less(a[j], a[j - 1]); j--) [a[j], a[j - 1]] = [a[j - 1], a[j]];
    }
    return a;
  }
  return mergeSort(a, less);
}

function mergeSort<T>(a: T[], less: (x: T, y: T) => boolean): T[] {
  if (a.length <= 1) return a;
  const mid = a.length >> 1;
  const l = mergeSort(a.slice(0, mid), less);
  const r = mergeSort(a.slice(mid), less);
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < l.length && j < r.length) out.push(less(r[j], l[i]) ? r[j++] : l[i++]);
  return out.concat(l.slice(i), r.slice(j));
}

/** github.com/fvbommel/sortorder NaturalLess: digit runs compare as numbers. */
export function naturalLess(s1: string, s2: string): boolean {
  const isDigit = (c: string) => c >= '0' && c <= '9';
  let i1 = 0;
  let i2 = 0;
  while (i1 < s1.length && i2 < s2.length) {
    const c1 = s1[i1];
    const c2 = s2[i2];
    const d1 = isDigit(c1);
    const d2 = isDigit(c2);
    if (d1 !== d2) return d1;
    if (!d1) {
      if (c1 !== c2) return c1 < c2;
      i1++;
      i2++;
      continue;
    }
    while (i1 < s1.length && s1[i1] === '0') i1++;
    while (i2 < s2.length && s2[i2] === '0') i2++;
    const nz1 = i1;
    const nz2 = i2;
    while (i1 < s1.length && isDigit(s1[i1])) i1++;
    while (i2 < s2.length && isDigit(s2[i2])) i2++;
    const len1 = i1 - nz1;
    const len2 = i2 - nz2;
    if (len1 !== len2) return len1 < len2;
    const n1 = s1.slice(nz1, i1);
    const n2 = s2.slice(nz2, i2);
    if (n1 !== n2) return n1 < n2;
    if (nz1 !== nz2) return nz1 < nz2;
  }
  return s1.length < s2.length;
}
