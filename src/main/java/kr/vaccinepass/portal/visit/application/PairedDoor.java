package kr.vaccinepass.portal.visit.application;

import java.io.Serializable;
import java.time.Duration;
import kr.vaccinepass.portal.visit.domain.DeviceKey;
import kr.vaccinepass.portal.visit.domain.DoorMode;
import kr.vaccinepass.portal.visit.domain.DoorState;

/**
 * A facility's device key and, when its door reported, what its state says at the moment it was
 * read (the owner's devices page).
 *
 * @param key the device key
 * @param state its door's last report; null when it never reported
 * @param presence reporting, silent or idle now
 * @param mode the mode it is in now, null unless reporting
 * @param snapshot its snapshot against the freshness limit (NONE when it never reported)
 * @param snapshotAge how old its snapshot is now, null when none
 */
public record PairedDoor(
    DeviceKey key,
    DoorState state,
    DoorState.Presence presence,
    DoorMode mode,
    DoorState.SnapshotFreshness snapshot,
    Duration snapshotAge)
    implements Serializable {}
