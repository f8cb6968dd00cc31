module.exports = async () => {
  process.env.TZ = 'America/Los_Angeles'
}
