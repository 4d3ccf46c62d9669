/* A facility's history (inspector/facility.xhtml): the timeline's axis writes dates as the portal
   does everywhere (2022-03-02, 14:30), the same in Korean and English. PrimeFaces calls this
   "extender" with the widget before it draws the timeline. */
function portalTimeline() {
  this.cfg.opts.format = {
    minorLabels: {
      millisecond: 'SSS', second: 'ss', minute: 'HH:mm', hour: 'HH:mm',
      weekday: 'DD', day: 'DD', week: 'DD', month: 'MM', year: 'YYYY'
    },
    majorLabels: {
      millisecond: 'HH:mm:ss', second: 'YYYY-MM-DD HH:mm', minute: 'YYYY-MM-DD', hour: 'YYYY-MM-DD',
      weekday: 'YYYY-MM', day: 'YYYY-MM', week: 'YYYY-MM', month: 'YYYY', year: ''
    }
  };
}
