export { confirm } from '../../utils/confirm'
