<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Export</name>
    <message>
        <source>Errors: {errors}, warnings: {warnings}; see the findings.</source>
        <translation>错误 {errors} 个，警告 {warnings} 个；详见检查结果。</translation>
    </message>
    <message>
        <source>No errors and no warnings.</source>
        <translation>没有错误，也没有警告。</translation>
    </message>
    <message>
        <source>{value} persons/min</source>
        <translation>{value} 人/分钟</translation>
    </message>
    <message>
        <source>{value} persons/m²</source>
        <translation>{value} 人/平方米</translation>
    </message>
    <message>
        <source>Booths</source>
        <translation>展位</translation>
    </message>
    <message>
        <source>Zones</source>
        <translation>展区</translation>
    </message>
    <message>
        <source>Gates</source>
        <translation>出入口</translation>
    </message>
    <message>
        <source>Walkable area</source>
        <translation>可通行面积</translation>
    </message>
    <message>
        <source>{value} m²</source>
        <translation>{value} 平方米</translation>
    </message>
    <message>
        <source>Visitors at peak</source>
        <translation>高峰游客人数</translation>
    </message>
    <message>
        <source>Egress time (limit {limit})</source>
        <translation>疏散时间（上限 {limit}）</translation>
    </message>
    <message>
        <source>Longest walk to an exit</source>
        <translation>到出口的最长步行时间</translation>
    </message>
    <message>
        <source>Flow time through the bottleneck</source>
        <translation>全部人员通过瓶颈的时间</translation>
    </message>
    <message>
        <source>Maximum egress flow</source>
        <translation>最大疏散流量</translation>
    </message>
    <message>
        <source>Worst zone density</source>
        <translation>最高展区密度</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>概要</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>The egress time is a free-flow estimate: queues inside the aisles and before the gates add time, and aisle-overloaded names the aisles that cannot keep up.</source>
        <translation>疏散时间是自由流估算：通道内和出入口前的排队会增加时间，aisle-overloaded 列出了通行能力不足的通道。</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>The analysis found nothing to report.</source>
        <translation>分析未发现任何问题。</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Egress per exit</source>
        <translation>各出口疏散情况</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>出口</translation>
    </message>
    <message>
        <source>Clear width</source>
        <translation>净宽</translation>
    </message>
    <message>
        <source>Visitors</source>
        <translation>游客</translation>
    </message>
    <message>
        <source>Persons/min</source>
        <translation>人/分钟</translation>
    </message>
    <message>
        <source>All out in</source>
        <translation>全部撤离用时</translation>
    </message>
    <message>
        <source>No exit: nobody can leave the site.</source>
        <translation>没有出口：任何人都无法离开场地。</translation>
    </message>
    <message>
        <source>({x1}, {y1}) to ({x2}, {y2})</source>
        <translation>({x1}, {y1}) 至 ({x2}, {y2})</translation>
    </message>
    <message>
        <source>Bottleneck</source>
        <translation>瓶颈</translation>
    </message>
    <message>
        <source>With {gate} closed (the widest exit), everybody is out in {time}.</source>
        <translation>关闭最宽的出口“{gate}”时，全部人员撤离需 {time}。</translation>
    </message>
    <message>
        <source>Density per zone at peak</source>
        <translation>高峰时各展区密度</translation>
    </message>
    <message>
        <source>The layout has no zones.</source>
        <translation>布局中没有展区。</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>展区</translation>
    </message>
    <message>
        <source>Walkable m²</source>
        <translation>可通行面积（平方米）</translation>
    </message>
    <message>
        <source>Persons/m²</source>
        <translation>人/平方米</translation>
    </message>
    <message>
        <source>Level of service</source>
        <translation>服务水平</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>Minimum aisle width</source>
        <translation>最小通道宽度</translation>
    </message>
    <message>
        <source>Body radius</source>
        <translation>人体半径</translation>
    </message>
    <message>
        <source>Walking speed</source>
        <translation>步行速度</translation>
    </message>
    <message>
        <source>{value} m/s</source>
        <translation>{value} 米/秒</translation>
    </message>
    <message>
        <source>Specific flow</source>
        <translation>单位宽度流量</translation>
    </message>
    <message>
        <source>{value} persons per metre per minute</source>
        <translation>每米宽度每分钟 {value} 人</translation>
    </message>
    <message>
        <source>Maximum egress time</source>
        <translation>最长疏散时间</translation>
    </message>
    <message>
        <source>Maximum density</source>
        <translation>最大密度</translation>
    </message>
    <message>
        <source>Maximum distance to an exit</source>
        <translation>到出口的最大距离</translation>
    </message>
    <message>
        <source>Method: walking paths are the shortest paths through the walkable ground shrunk by the body radius. Visitors stand on a grid over each zone and walk to the exit nearest on foot. The egress time is the larger of the queue time at each exit (walking times plus the queue its flow capacity builds) and the total visitors over the maximum flow through the narrowest cross-sections (max-flow, min-cut). Capacities use the specific flow per metre of clear width; density uses Fruin&apos;s walkway levels of service (A ≤ 0.31, B ≤ 0.43, C ≤ 0.72, D ≤ 1.08, E ≤ 2.17 persons/m², F above).</source>
        <translation>方法：步行路线是在按人体半径内缩后的可通行区域中的最短路径。游客按网格分布在各展区内，步行前往步行距离最近的出口。疏散时间取以下两者中的较大值：各出口的排队时间（步行时间加上该出口通行能力造成的排队），以及全体游客人数除以通过最窄断面的最大流量（最大流-最小割）。通行能力按每米净宽的单位宽度流量计算；密度采用 Fruin 步行道服务水平（A ≤ 0.31，B ≤ 0.43，C ≤ 0.72，D ≤ 1.08，E ≤ 2.17 人/平方米，F 为更高）。</translation>
    </message>
    <message>
        <source>Settings and method</source>
        <translation>设置与方法</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置项</translation>
    </message>
    <message>
        <source>Crowd-flow analysis</source>
        <translation>人流分析</translation>
    </message>
    <message>
        <source>Layout: {name}, revision {revision}.</source>
        <translation>布局：{name}，版本 {revision}。</translation>
    </message>
    <message>
        <source>Checked file: {file}</source>
        <translation>所检查的文件：{file}</translation>
    </message>
    <message>
        <source>SHA-256: {checksum}</source>
        <translation>SHA-256：{checksum}</translation>
    </message>
    <message>
        <source>Checked and approved</source>
        <translation>审核与批准</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Booth index by exhibitor</source>
        <translation>展位索引（按参展商）</translation>
    </message>
    <message>
        <source>Booth index</source>
        <translation>展位索引</translation>
    </message>
    <message>
        <source>Overview: the whole site</source>
        <translation>总图：整个场地</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>场地</translation>
    </message>
    <message>
        <source>Booths outside the zones</source>
        <translation>展区以外的展位</translation>
    </message>
    <message>
        <source>{name} – part {part} of {parts}</source>
        <translation>{name}（第 {part} 部分，共 {parts} 部分）</translation>
    </message>
    <message>
        <source>{scale} on {paper}</source>
        <translation>{scale}（{paper} 图纸）</translation>
    </message>
    <message>
        <source>True to scale when printed at 100 % (actual size) on {paper}; do not fit to page.</source>
        <translation>以 100%（实际大小）打印在 {paper} 纸上时比例准确；请勿选择“适合页面”。</translation>
    </message>
    <message>
        <source>Untitled layout</source>
        <translation>未命名布局</translation>
    </message>
    <message>
        <source>{n} of {total}</source>
        <translation>第 {n} 张，共 {total} 张</translation>
    </message>
    <message>
        <source>Revision {revision}</source>
        <translation>版本 {revision}</translation>
    </message>
    <message>
        <source>Printed {date}</source>
        <translation>打印于 {date}</translation>
    </message>
    <message>
        <source>Sheet {sheet}</source>
        <translation>图纸 {sheet}</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>比例</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>图纸</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>打印日期</translation>
    </message>
    <message>
        <source>{value} m</source>
        <translation>{value} 米</translation>
    </message>
    <message>
        <source>N</source>
        <translation>北</translation>
    </message>
    <message>
        <source>{width} × {depth} m</source>
        <translation>{width} × {depth} 米</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Exhibitor</source>
        <translation>参展商</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <source>(outside every zone)</source>
        <translation>（不属于任何展区）</translation>
    </message>
    <message>
        <source>Booth index by number</source>
        <translation>展位索引（按编号）</translation>
    </message>
    <message>
        <source>Sheet: the map sheet on which the booth&apos;s number can be read.</source>
        <translation>图纸：可辨认该展位编号的图纸。</translation>
    </message>
    <message>
        <source>The layout has no booths.</source>
        <translation>布局中没有展位。</translation>
    </message>
    <message>
        <source>No booth has an exhibitor yet.</source>
        <translation>还没有展位分配给参展商。</translation>
    </message>
    <message>
        <source>Booth</source>
        <translation>展位</translation>
    </message>
    <message>
        <source>Cooks with open flame or gas</source>
        <translation>使用明火或燃气烹饪</translation>
    </message>
    <message>
        <source>Booth, in its zone&apos;s colour</source>
        <translation>展位（以所属展区的颜色表示）</translation>
    </message>
    <message>
        <source>Open side; the darkest is the front</source>
        <translation>开放面；颜色最深的为正面</translation>
    </message>
    <message>
        <source>Exit: its clear width</source>
        <translation>出口：标注其净宽</translation>
    </message>
    <message>
        <source>Exit that limits the egress: a bottleneck</source>
        <translation>限制疏散的出口：瓶颈</translation>
    </message>
    <message>
        <source>Bottleneck on the way out: the narrowest passage</source>
        <translation>疏散途中的瓶颈：最窄处</translation>
    </message>
    <message>
        <source>Amenities</source>
        <translation>设施</translation>
    </message>
    <message>
        <source>Ground</source>
        <translation>地物</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <source>Sheet {n}</source>
        <translation>图纸 {n}</translation>
    </message>
    <message>
        <source>continues on sheet {n}</source>
        <translation>接图纸 {n}</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>可租</translation>
    </message>
    <message>
        <source>Reserved</source>
        <translation>已预订</translation>
    </message>
    <message>
        <source>Sold</source>
        <translation>已售</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>不可用</translation>
    </message>
    <message>
        <source>Toilets</source>
        <translation>卫生间</translation>
    </message>
    <message>
        <source>First aid</source>
        <translation>急救站</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>咨询处</translation>
    </message>
    <message>
        <source>Drinking water</source>
        <translation>饮用水</translation>
    </message>
    <message>
        <source>Phone charging</source>
        <translation>手机充电</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>安保</translation>
    </message>
    <message>
        <source>Fire extinguisher</source>
        <translation>灭火器</translation>
    </message>
    <message>
        <source>Fire hydrant</source>
        <translation>消火栓</translation>
    </message>
    <message>
        <source>Assembly point</source>
        <translation>紧急集合点</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Entrance</source>
        <translation>入口</translation>
    </message>
    <message>
        <source>Entrance and exit</source>
        <translation>出入口</translation>
    </message>
    <message>
        <source>Water</source>
        <translation>水域</translation>
    </message>
    <message>
        <source>Building</source>
        <translation>建筑</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>舞台</translation>
    </message>
    <message>
        <source>Structure</source>
        <translation>构筑物</translation>
    </message>
    <message>
        <source>Trees and planting</source>
        <translation>树木绿化</translation>
    </message>
    <message>
        <source>No-go area</source>
        <translation>禁入区域</translation>
    </message>
    <message>
        <source>Exhibitor map</source>
        <translation>参展商平面图</translation>
    </message>
    <message>
        <source>Visitor map</source>
        <translation>游客导览图</translation>
    </message>
    <message>
        <source>Safety map</source>
        <translation>安全疏散图</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>封闭</translation>
    </message>
    <message>
        <source>inline</source>
        <translation>单开口</translation>
    </message>
    <message>
        <source>corner</source>
        <translation>角位</translation>
    </message>
    <message>
        <source>double-sided</source>
        <translation>双面开口</translation>
    </message>
    <message>
        <source>peninsula</source>
        <translation>半岛型</translation>
    </message>
    <message>
        <source>island</source>
        <translation>岛型</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} 分 {seconds} 秒</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} 秒</translation>
    </message>
</context>
</TS>
