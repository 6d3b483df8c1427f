import { describe, expect, it } from 'vitest';
import { DESCRIBE_TABWRITER, formatTabs } from './tabwriter';

describe('formatTabs', () => {
  it('pads each column to its widest cell plus three spaces and leaves the last column unpadded', () => {
    expect(formatTabs('NAME\tREADY\tAGE\nweb-1\t1/1\t5m\n')).toBe('NAME    READY   AGE\nweb-1   1/1     5m\n');
  });

  it('gives narrow columns the minimum width of six', () => {
    expect(formatTabs('A\tB\nx\ty\n')).toBe('A     B\nx     y\n');
  });

  it('measures columns per block of consecutive lines that have them', () => {
    expect(formatTabs('a\tb\n\nlonger\tc\n')).toBe('a     b\n\nlonger   c\n');
  });

  it('counts runes, not bytes', () => {
    expect(formatTabs('é\tx\nabcdef\ty\n')).toBe('é        x\nabcdef   y\n');
  });

  it('uses two spaces and no minimum for describe', () => {
    expect(formatTabs('Name:\tweb\nNamespace:\tdefault\n', DESCRIBE_TABWRITER)).toBe('Name:       web\nNamespace:  default\n');
  });
});

describe('formatTabs with describe\'s settings', () => {
  it('starts a new column block after a line without tabs', () => {
    expect(formatTabs('A:\t1\nContainers:\n  LongerName:\t2\n', DESCRIBE_TABWRITER)).toBe('A:  1\nContainers:\n  LongerName:  2\n');
  });

  it('pads a tab-terminated cell even when nothing follows it', () => {
    expect(formatTabs('Kube-Proxy Version:\t\nOS:\tlinux\n', DESCRIBE_TABWRITER)).toBe('Kube-Proxy Version:  \nOS:                  linux\n');
  });

  it('aligns nested columns only among lines that have them', () => {
    expect(formatTabs('  Type\tReason\tAge\n  ----\t------\t---\n  Normal\tScheduled\t10s\n', DESCRIBE_TABWRITER)).toBe(
      '  Type    Reason     Age\n  ----    ------     ---\n  Normal  Scheduled  10s\n',
    );
  });
});
