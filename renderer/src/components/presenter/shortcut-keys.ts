// Which presenter action a key press asks for, or none (typing in a field, a modified key). Pure.

export type ShortcutAction =
  | { type: 'play' }
  | { type: 'step' }
  | { type: 'next-event' }
  | { type: 'next-cron' }
  | { type: 'view'; index: number }
  | { type: 'projector' }
  | { type: 'speed'; direction: 1 | -1 }
  | { type: 'sheet' }
  | { type: 'spotlight' }
  | { type: 'legend' }
  | { type: 'escape' };

export interface KeyInfo {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The event's target is a text field, a select or something editable. */
  inField: boolean;
}

export function shortcutFor(e: KeyInfo): ShortcutAction | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  if (e.key === 'Escape') return { type: 'escape' };
  if (e.inField) return undefined;
  switch (e.key) {
    case ' ':
      return { type: 'play' };
    case 'ArrowRight':
      return { type: 'step' };
    case 'n':
    case 'N':
      return { type: 'next-event' };
    case 'c':
    case 'C':
      return { type: 'next-cron' };
    case '1':
    case '2':
    case '3':
    case '4':
      return { type: 'view', index: Number(e.key) - 1 };
    case 'f':
    case 'F':
      return { type: 'projector' };
    case '+':
    case '=':
      return { type: 'speed', direction: 1 };
    case '-':
    case '_':
      return { type: 'speed', direction: -1 };
    case '?':
      return { type: 'sheet' };
    case 's':
    case 'S':
      return { type: 'spotlight' };
    case 'l':
    case 'L':
      return { type: 'legend' };
    default:
      return undefined;
  }
}
