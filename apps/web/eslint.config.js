// The workspace lint rules plus React's rules of hooks for the web app.
import reactHooks from 'eslint-plugin-react-hooks'
import rootConfig from '../../eslint.config.js'

export default [...rootConfig, reactHooks.configs.flat.recommended]
