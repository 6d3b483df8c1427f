import { describe, expect, it } from 'vitest';
import { alignTabs } from './tabwriter';

describe('alignTabs', () => {
  it('pads tab-terminated cells of consecutive lines to the widest plus two', () => {
    expect(alignTabs('Name:\tweb\nNamespace:\tdefault\n')).toBe('Name:       web\nNamespace:  default\n');
  });

  it('starts a new column block after a line without tabs', () => {
    expect(alignTabs('A:\t1\nContainers:\n  LongerName:\t2\n')).toBe('A:  1\nContainers:\n  LongerName:  2\n');
  });

  it('pads a tab-terminated cell even when nothing follows it', () => {
    expect(alignTabs('Kube-Proxy Version:\t\nOS:\tlinux\n')).toBe('Kube-Proxy Version:  \nOS:                  linux\n');
  });

  it('aligns nested columns only among lines that have them', () => {
    expect(alignTabs('  Type\tReason\tAge\n  ----\t------\t---\n  Normal\tScheduled\t10s\n')).toBe(
      '  Type    Reason     Age\n  ----    ------     ---\n  Normal  Scheduled  10s\n',
    );
  });
});
