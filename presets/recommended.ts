import {buildPreset} from './build.js'

/** The default when no configuration file exists: the catalogue's `rec` column. */
const recommended = buildPreset('recommended')
export default recommended
