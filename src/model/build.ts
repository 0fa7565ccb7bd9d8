/*
 * The spec model builder. Its parts, by what they read, live in `./build/`.
 */
export {buildSpec} from './build/index.js'
