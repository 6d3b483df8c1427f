// The application menu: File (New, Open…, Save, Save As…, Connect a Terminal…, Quit), Edit, View, Help → About.
import { app, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import type { HostStringKey } from './host-strings';
import type { SessionFiles } from './session-files';

type Strings = (key: HostStringKey, params?: Record<string, string>) => string;

export function installMenu(files: SessionFiles, window: () => BrowserWindow | undefined, t: Strings, connectTerminal?: () => void): void {
  const template: MenuItemConstructorOptions[] = [
    {
      label: t('file'),
      submenu: [
        { label: t('new'), accelerator: 'CmdOrCtrl+N', click: () => void files.newSession() },
        { label: t('open'), accelerator: 'CmdOrCtrl+O', click: () => void files.open() },
        { type: 'separator' },
        { label: t('save'), accelerator: 'CmdOrCtrl+S', click: () => void files.save() },
        { label: t('saveAs'), accelerator: 'CmdOrCtrl+Shift+S', click: () => void files.saveAs() },
        { type: 'separator' },
        ...(connectTerminal ? [{ label: t('connectTerminal'), click: connectTerminal }, { type: 'separator' as const }] : []),
        { label: t('quit'), accelerator: 'CmdOrCtrl+Q', click: () => app.quit() },
      ],
    },
    { label: t('edit'), role: 'editMenu' },
    {
      label: t('view'),
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }, ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }])],
    },
    {
      label: t('help'),
      submenu: [
        {
          label: t('about'),
          click: () => {
            const options = {
              type: 'info' as const,
              title: t('about'),
              message: 'Kubeville',
              detail: t('aboutDetail', { version: app.getVersion(), electron: process.versions.electron ?? '', chrome: process.versions.chrome ?? '' }),
            };
            const win = window();
            void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
          },
        },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
