import {buildPreset} from './build.js'

/** The catalogue's `strict` column, for teams that gate merges on every rule. */
const strict = buildPreset('strict')
export default strict
