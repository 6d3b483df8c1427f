// App-wide locks: a strict CSP on every response, no permissions, no webviews, no remote content.
import { app, session } from 'electron';

/** The same policy as renderer/index.html's meta tag (also sent as a header so it holds in dev mode). */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; img-src 'self' data:; script-src 'self'; style-src 'self' 'unsafe-inline'; worker-src 'self' blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function hardenApp(): void {
  const devUrl = process.env['ELECTRON_RENDERER_URL'];
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    const url = details.url;
    const local = url.startsWith('file://') || url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('devtools://') || (devUrl !== undefined && url.startsWith(new URL(devUrl).origin));
    // Dev mode also needs Vite's websocket for hot reload.
    const devSocket = devUrl !== undefined && url.startsWith('ws://localhost');
    callback({ cancel: !(local || devSocket) });
  });
  ses.webRequest.onHeadersReceived((details, callback) => {
    const devPolicy = devUrl ? CONTENT_SECURITY_POLICY.replace("connect-src 'self'", "connect-src 'self' ws://localhost:*") : CONTENT_SECURITY_POLICY;
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [devPolicy] } });
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
