// Interface words of the services area, English then French (French is typed against the English keys).

export const en = {} as const;

export const fr: Record<keyof typeof en, string> = {};
