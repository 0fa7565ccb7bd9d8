import fs from 'node:fs'
import {formatSpec} from '../dist/src/format/index.js'
const file = process.argv[2]
const text = file ? fs.readFileSync(file, 'utf8') : fs.readFileSync(0, 'utf8')
process.stdout.write(formatSpec(text))
