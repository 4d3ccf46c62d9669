package kr.vaccinepass.portal.visit.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a trace found: for a facility, the visits of its window (QR visits grouped by issuer, the
 * others with their contact details); for a holder, each facility the holder visited in the window
 * with who was there at overlapping times ({@link TraceWindow#overlap}).
 */
public final class TraceFindings {
  private TraceFindings() {}

  /** The visits of one issuer: what is sent to that issuer to tell who the holders are. */
  public record IssuerGroup(String issuerCode, List<TracedVisit> visits) {}

  /** Visits split as a trace shows them. */
  public record Visits(List<IssuerGroup> byIssuer, List<TracedVisit> contacts) {
    public int size() {
      return contacts.size() + byIssuer.stream().mapToInt(g -> g.visits().size()).sum();
    }

    public List<TracedVisit> ofIssuer(String issuerCode) {
      return byIssuer.stream()
          .filter(g -> g.issuerCode().equals(issuerCode))
          .findFirst()
          .map(IssuerGroup::visits)
          .orElse(List.of());
    }
  }

  /** A facility the traced holder visited, and who was there at the same time. */
  public record Stop(long facilityId, Instant visitedAt, Visits coVisitors) {}

  /** Splits visits into the issuers' groups (by issuer code) and the contacts, in time order. */
  public static Visits split(List<TracedVisit> visits) {
    Map<String, List<TracedVisit>> groups = new TreeMap<>();
    List<TracedVisit> contacts = new ArrayList<>();
    for (TracedVisit v : sorted(visits)) {
      if (v.isByIssuer()) {
        groups.computeIfAbsent(v.issuerCode(), k -> new ArrayList<>()).add(v);
      } else {
        contacts.add(v);
      }
    }
    List<IssuerGroup> byIssuer = new ArrayList<>();
    groups.forEach((issuer, list) -> byIssuer.add(new IssuerGroup(issuer, List.copyOf(list))));
    return new Visits(List.copyOf(byIssuer), List.copyOf(contacts));
  }

  /**
   * The stops of a holder and their co-visitors: of the candidate visits at each stop's facility,
   * those that overlap the stop, without the holder's own.
   */
  public static List<Stop> stops(
      List<TracedVisit> holderVisits, List<TracedVisit> candidates, String issuer, String holder) {
    List<Stop> stops = new ArrayList<>();
    for (TracedVisit stop : sorted(holderVisits)) {
      List<TracedVisit> there = new ArrayList<>();
      for (TracedVisit c : candidates) {
        boolean self = issuer.equals(c.issuerCode()) && holder.equals(c.holderId());
        if (!self
            && c.facilityId() == stop.facilityId()
            && TraceWindow.overlap(stop.visitedAt(), c.visitedAt())) {
          there.add(c);
        }
      }
      stops.add(new Stop(stop.facilityId(), stop.visitedAt(), split(there)));
    }
    return stops;
  }

  private static List<TracedVisit> sorted(List<TracedVisit> visits) {
    List<TracedVisit> copy = new ArrayList<>(visits);
    copy.sort(
        (a, b) -> {
          int t = a.visitedAt().compareTo(b.visitedAt());
          return t != 0 ? t : Long.compare(a.facilityId(), b.facilityId());
        });
    return copy;
  }
}
