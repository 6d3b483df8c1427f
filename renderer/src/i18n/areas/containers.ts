// Interface words of the containers area, English then French (French is typed against the English keys).

export const en = {
  'containers.shellPlaceholder': 'a command in the container — exit or Ctrl-D to leave',
  'containers.shellClosed': 'back to the console',
} as const;

export const fr: Record<keyof typeof en, string> = {
  'containers.shellPlaceholder': 'une commande dans le conteneur — exit ou Ctrl-D pour sortir',
  'containers.shellClosed': 'retour à la console',
};
