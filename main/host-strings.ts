// The few words the Electron host shows itself (menus, dialogs), in the interface's two languages.

const en = {
  file: 'File',
  new: 'New Session',
  open: 'Open…',
  save: 'Save',
  saveAs: 'Save As…',
  quit: 'Quit',
  edit: 'Edit',
  view: 'View',
  help: 'Help',
  about: 'About Kubeville',
  sessionFiles: 'Kubeville session',
  newConfirm: 'Start a new session? The cluster starts over; unsaved changes are lost (workspace files stay).',
  newButton: 'New Session',
  cancel: 'Cancel',
  openFailed: 'This file could not be opened',
  openFailedDetail: '{reason}.\n\nYour current session was not changed.',
  saveFailed: 'The session could not be saved',
  aboutDetail: 'Kubeville {version}\nA simulated kind cluster to learn Kubernetes by watching it.\n\nElectron {electron} · Chromium {chrome}',
  connectTerminal: 'Connect a Terminal…',
  connectTerminalMessage: 'Your own kubectl can now drive this cluster',
  connectTerminalDetail: 'Kubeville serves the Kubernetes API at {url} (this computer only). In a terminal, run:\n\n{line}\n\nthen kubectl get nodes. What you do there shows here at once.',
  copy: 'Copy',
  ok: 'OK',
  connectFailed: 'The terminal connection could not start',
} as const;

export type HostStringKey = keyof typeof en;

const fr: Record<HostStringKey, string> = {
  file: 'Fichier',
  new: 'Nouvelle session',
  open: 'Ouvrir…',
  save: 'Enregistrer',
  saveAs: 'Enregistrer sous…',
  quit: 'Quitter',
  edit: 'Édition',
  view: 'Affichage',
  help: 'Aide',
  about: 'À propos de Kubeville',
  sessionFiles: 'Session Kubeville',
  newConfirm: 'Commencer une nouvelle session ? Le cluster repart de zéro ; les changements non enregistrés sont perdus (les fichiers de l’espace de travail restent).',
  newButton: 'Nouvelle session',
  cancel: 'Annuler',
  openFailed: 'Impossible d’ouvrir ce fichier',
  openFailedDetail: '{reason}.\n\nVotre session actuelle n’a pas été modifiée.',
  saveFailed: 'La session n’a pas pu être enregistrée',
  aboutDetail: 'Kubeville {version}\nUn cluster kind simulé pour apprendre Kubernetes en le regardant.\n\nElectron {electron} · Chromium {chrome}',
  connectTerminal: 'Connecter un terminal…',
  connectTerminalMessage: 'Votre propre kubectl peut maintenant piloter ce cluster',
  connectTerminalDetail: 'Kubeville sert l’API Kubernetes à {url} (sur cet ordinateur uniquement). Dans un terminal, lancez :\n\n{line}\n\npuis kubectl get nodes. Ce que vous y faites s’affiche ici aussitôt.',
  copy: 'Copier',
  ok: 'OK',
  connectFailed: 'La connexion du terminal n’a pas pu démarrer',
};

/** The host's strings for a locale such as `fr-FR` (English unless it is French). */
export function hostStrings(locale: string): (key: HostStringKey, params?: Record<string, string>) => string {
  const table: Record<HostStringKey, string> = locale.toLowerCase().startsWith('fr') ? fr : en;
  return (key, params = {}) => table[key].replace(/\{(\w+)\}/g, (_, p: string) => params[p] ?? `{${p}}`);
}
