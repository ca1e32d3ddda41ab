import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { registerServiceWorker } from './offline/registerServiceWorker'
import { adoptNameFromUrl } from './presence/displayNameStore'
import './styles.css'
import './styles/access.css'
import './styles/dashboard.css'
import './exports/exports.css'
import './closing/closing.css'
import './styles/saved.css'

adoptNameFromUrl()
registerServiceWorker()

const container = document.getElementById('root')
if (container === null) throw new Error('index.html must contain <div id="root">')
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
