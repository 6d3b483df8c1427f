// Renderer entry: connect to a host (Electron preload or browser-mode worker) and mount the app.
import { mount } from 'svelte';
import App from './App.svelte';
import { connect } from './api/connect';
import { AppState, appContext } from './state/app.svelte';
import './app.css';

const { api, host } = connect();
const app = new AppState(api, host);
mount(App, { target: document.getElementById('app')!, context: appContext(app) });
void app.start();
