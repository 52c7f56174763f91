// The monaco-yaml language service, bundled as a local worker by Vite's `?worker` import.
import 'monaco-yaml/yaml.worker.js'
