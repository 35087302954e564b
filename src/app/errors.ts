// Errors the entry point turns into messages and exit codes (loaded only when one is thrown).
export { ConfigError } from '../io/loadConfig.js';
