/** `spec-lint init` writes through the project's one atomic writer. */
export {writeFileAtomic as writeAtomic} from '../fs/write-atomic.js'
