/*
 * The spec model builder. Its parts, by what they read, live in `./build/`.
 */
export {buildSpec} from './build/index.js'
export {createModelReuse} from './build/reuse.js'
export type {ModelReuse} from './build/reuse.js'
