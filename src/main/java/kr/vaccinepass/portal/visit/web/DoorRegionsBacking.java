package kr.vaccinepass.portal.visit.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kr.vaccinepass.portal.shared.region.Regions;
import kr.vaccinepass.portal.shared.region.Sigungu;
import kr.vaccinepass.portal.shared.web.BarChart;
import kr.vaccinepass.portal.shared.web.Formats;
import kr.vaccinepass.portal.shared.web.Messages;
import kr.vaccinepass.portal.visit.application.DoorStateService;
import kr.vaccinepass.portal.visit.domain.RegionDoors;

/**
 * The administrators' doors per 시군구 (admin/dashboard.xhtml, "출입문 상태"): counted, silent, degraded
 * and queued, the most troubled first as {@link DoorStateService#perRegion()} orders them, each 시군구
 * by its name.
 */
@Named
@RequestScoped
public class DoorRegionsBacking {
  /** The chart shows this many 시군구 at most: the most troubled; the table shows all. */
  static final int CHART_BARS = 15;

  @Inject DoorStateService doors;
  @Inject Regions regions;
  @Inject Formats formats;
  @Inject Messages messages;

  private List<Row> rows;

  /** A 시군구's doors as the table shows them. */
  public record Row(String name, long counted, long silent, long degraded, long queued) {
    public String getName() {
      return name;
    }

    public long getCounted() {
      return counted;
    }

    public long getSilent() {
      return silent;
    }

    public long getDegraded() {
      return degraded;
    }

    public long getQueued() {
      return queued;
    }

    public long getTroubled() {
      return silent + degraded;
    }
  }

  @PostConstruct
  void init() {
    rows =
        doors.perRegion().stream()
            .map(r -> new Row(name(r), r.counted(), r.silent(), r.degraded(), r.queued()))
            .toList();
  }

  private String name(RegionDoors r) {
    // a facility's 시군구 is always in the reference data; the code is never shown
    return regions
        .sigungu(r.sigunguCode())
        .map((Sigungu g) -> g.fullName(formats.locale()))
        .orElse("");
  }

  public List<Row> getRows() {
    return rows;
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /** Whether any 시군구 has a door silent or degraded: the chart is drawn only then. */
  public boolean isTroubled() {
    return rows.stream().anyMatch(r -> r.getTroubled() > 0);
  }

  /** Silent + degraded doors of the most troubled 시군구, as a Chart.js bar chart. */
  public String getChart() {
    Map<String, Long> bars = new LinkedHashMap<>();
    rows.stream()
        .filter(r -> r.getTroubled() > 0)
        .limit(CHART_BARS)
        .forEach(r -> bars.merge(r.name(), r.getTroubled(), Long::sum));
    return BarChart.of(messages.text("admin.dashboard.doors.chart"), "#b91c1c", bars);
  }
}
